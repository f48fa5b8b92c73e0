//! Writes the long test document (the seed article repeated with varied numbers and paragraphs, about
//! 500,000 characters, as the benchmarks use) to a file, to import it and look at it in the window:
//!
//! ```sh
//! cargo run --release --example long_document -- /tmp/long.txt [chars]
//! ```

use tarmeez::text::long_document::{LONG_DOCUMENT_CHARS, long_document};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "long-document.txt".into());
    let chars = args.next().and_then(|n| n.parse().ok()).unwrap_or(LONG_DOCUMENT_CHARS);
    let seed =
        concat!(env!("CARGO_MANIFEST_DIR"), "/projects/al-omar-oilfield/documents/al-omar-oilfield-2021-06-29.txt");
    let text = long_document(&std::fs::read_to_string(seed)?, chars);
    std::fs::write(&out, &text)?;
    println!("wrote {out}: {} characters", text.chars().count());
    Ok(())
}
