//! Where a URL may go: only http(s), and for URLs that come from feeds, only public
//! addresses (no loopback, private, link-local, carrier-grade NAT or cloud metadata).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::Url;

/// Why a URL or address was refused; found again in reqwest's error chain to pick the kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The host is (or resolves only to) a non-public address.
    BlockedHost(String),
    /// The scheme is not http or https.
    Scheme(String),
    /// A redirect went back to a URL already visited.
    RedirectLoop(String),
    /// More redirects than allowed.
    TooManyRedirects(usize),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::BlockedHost(host) => write!(
                f,
                "{host} is not a public address (use --allow-private-hosts to permit it)"
            ),
            Refusal::Scheme(scheme) => write!(f, "scheme {scheme:?} is not http or https"),
            Refusal::RedirectLoop(url) => write!(f, "redirect loop back to {url}"),
            Refusal::TooManyRedirects(n) => write!(f, "more than {n} redirects"),
        }
    }
}

impl std::error::Error for Refusal {}

/// Whether `ip` is a globally routable unicast address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    let shared_nat = a == 100 && (64..128).contains(&b);
    let reserved = a == 0 || a >= 240 || (a == 192 && b == 0) || (a == 198 && (b & 0xfe) == 18);
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || shared_nat
        || reserved)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    let unique_local = (first & 0xfe00) == 0xfc00;
    let link_local = (first & 0xffc0) == 0xfe80;
    let documentation = first == 0x2001 && ip.segments()[1] == 0x0db8;
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || unique_local
        || link_local
        || documentation)
}

/// Checks a URL before a request or a redirect: the scheme, and when `public_only`, an
/// IP-literal host (names are checked when they resolve, by [`PublicResolver`]).
pub fn check_url(url: &Url, public_only: bool) -> Result<(), Refusal> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Refusal::Scheme(url.scheme().to_string()));
    }
    if !public_only {
        return Ok(());
    }
    let Some(host) = url.host_str() else {
        return Err(Refusal::BlockedHost(url.to_string()));
    };
    let literal = host.trim_start_matches('[').trim_end_matches(']');
    match literal.parse::<IpAddr>() {
        Ok(ip) if !is_public(ip) => Err(Refusal::BlockedHost(ip.to_string())),
        _ => Ok(()),
    }
}

/// A resolver that drops non-public addresses, so a public-looking name that resolves to
/// an internal address (DNS rebinding, `localhost`) is refused at connect time.
#[derive(Debug, Default)]
pub struct PublicResolver;

impl Resolve for PublicResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|addr| is_public(addr.ip()))
                .collect();
            if addrs.is_empty() {
                return Err(Box::new(Refusal::BlockedHost(host)) as _);
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

/// The redirect policy: at most `max` hops, no loops, and every hop passes [`check_url`].
pub fn redirect_policy(max: usize, public_only: bool) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        if let Err(refusal) = check_url(attempt.url(), public_only) {
            return attempt.error(refusal);
        }
        if attempt.previous().iter().any(|u| u == attempt.url()) {
            let url = attempt.url().to_string();
            return attempt.error(Refusal::RedirectLoop(url));
        }
        if attempt.previous().len() > max {
            return attempt.error(Refusal::TooManyRedirects(max));
        }
        attempt.follow()
    })
}

/// A shared resolver handle for the client builder.
pub fn public_resolver() -> Arc<PublicResolver> {
    Arc::new(PublicResolver)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00:ec2::254",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["93.184.216.34", "2a00:1450:4007:80b::200e", "1.1.1.1"] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn urls_are_checked_by_scheme_and_literal_host() {
        let url = |s: &str| Url::parse(s).unwrap();
        assert!(check_url(&url("http://127.0.0.1/x"), false).is_ok());
        assert_eq!(
            check_url(&url("http://127.0.0.1/x"), true),
            Err(Refusal::BlockedHost("127.0.0.1".into()))
        );
        assert_eq!(
            check_url(&url("http://[::1]:8080/"), true),
            Err(Refusal::BlockedHost("::1".into()))
        );
        assert!(check_url(&url("https://example.org/a"), true).is_ok());
        assert_eq!(
            check_url(&url("ftp://example.org/a"), false),
            Err(Refusal::Scheme("ftp".into()))
        );
    }
}
