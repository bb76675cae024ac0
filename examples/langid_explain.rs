fn main() {
    for line in std::io::stdin().lines().map_while(Result::ok) {
        println!("{line}\n{}", newsfacts::langid::explain(&line));
    }
}
