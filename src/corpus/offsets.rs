//! The analysed text of an article and its map back to the original bytes.
//!
//! Rules, quotations and figures read plain text: no markup, no page
//! furniture, Unicode in one form. Reports must point at the bytes as
//! published. A reader therefore builds the plain text piece by piece, each
//! piece remembering the original bytes it stands for, and every span found
//! in the plain text is mapped back through [`OffsetMap::to_original`]
//! before it becomes a claim or a label.
//!
//! A piece is either *exact* (its bytes are the original bytes, so any byte
//! inside maps to one byte) or *atomic* (it replaces something: `&amp;` by
//! `&`, a decomposed "é" by its composed form, a block boundary by a blank
//! line): any part of an atomic piece stands for all of its original bytes.

use std::ops::Range;

/// One stretch of plain text and the original bytes it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    plain: usize,
    plain_len: usize,
    orig: usize,
    orig_len: usize,
    /// The plain bytes are the original bytes: offsets inside map one to
    /// one.
    exact: bool,
}

impl Piece {
    fn plain_end(&self) -> usize {
        self.plain + self.plain_len
    }
    fn orig_end(&self) -> usize {
        self.orig + self.orig_len
    }
}

/// Maps byte offsets of the analysed text to byte offsets of the original
/// file. Pieces are in text order in both texts: readers never reorder.
///
/// An empty map is the identity: a plain-text article is its own analysed
/// text, at no cost.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The map of a text that is its own analysed text.
    pub fn identity() -> OffsetMap {
        OffsetMap::default()
    }

    pub fn is_identity(&self) -> bool {
        self.pieces.is_empty()
    }

    /// The original bytes that analysed-text `range` stands for.
    ///
    /// Markup removed between two pieces is inside the result only when the
    /// range runs across it: a range that starts at the first byte after
    /// removed markup starts after it, one that ends at the last byte before
    /// removed markup ends before it. So `**$150 million**` gives the span
    /// of `$150 million`, and `$150 <em>million</em>` the span of
    /// `$150 <em>million`. A range touching part of an atomic piece takes
    /// all of that piece's bytes (`&amp;` as a whole). An empty range maps
    /// to an empty range where its position maps.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        if self.pieces.is_empty() {
            return range;
        }
        let start = self.start_of(range.start);
        if range.end <= range.start {
            return start..start;
        }
        start..self.end_of(range.end).max(start)
    }

    /// Where a range beginning at plain offset `at` begins in the original.
    fn start_of(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.plain <= at);
        let Some(p) = i.checked_sub(1).map(|i| self.pieces[i]) else {
            return self.pieces[0].orig;
        };
        if at >= p.plain_end() {
            p.orig_end()
        } else if p.exact {
            p.orig + (at - p.plain)
        } else {
            p.orig
        }
    }

    /// Where a range ending at plain offset `at` ends in the original.
    fn end_of(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.plain < at);
        let Some(p) = i.checked_sub(1).map(|i| self.pieces[i]) else {
            return self.pieces[0].orig;
        };
        if p.exact {
            p.orig + (at.min(p.plain_end()) - p.plain)
        } else {
            p.orig_end()
        }
    }

    /// The analysed-text bytes that stand for original `range`: the inverse
    /// of [`OffsetMap::to_original`], for showing a claim's words without
    /// their markup.
    pub fn to_plain(&self, range: Range<usize>) -> Range<usize> {
        let Some(last) = self.pieces.last() else {
            return range;
        };
        let i = self.pieces.partition_point(|p| p.orig_end() <= range.start);
        let start = match self.pieces.get(i) {
            None => last.plain_end(),
            Some(p) if p.exact && range.start > p.orig => p.plain + (range.start - p.orig),
            Some(p) => p.plain,
        };
        let j = self.pieces.partition_point(|p| p.orig < range.end);
        let end = match j.checked_sub(1).map(|j| self.pieces[j]) {
            None => 0,
            Some(p) if p.exact => p.plain + (range.end.min(p.orig_end()) - p.orig),
            Some(p) => p.plain_end(),
        };
        start..end.max(start)
    }
}

/// Builds analysed text and its map, piece by piece, in document order.
#[derive(Debug, Default)]
pub struct Builder {
    text: String,
    pieces: Vec<Piece>,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// The analysed text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends original bytes `range` of `original` unchanged.
    pub fn copy(&mut self, original: &str, range: Range<usize>) {
        let Some(s) = original.get(range.clone()) else {
            return;
        };
        if s.is_empty() {
            return;
        }
        let plain = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.pieces.last_mut() {
            if last.exact && last.plain_end() == plain && last.orig_end() == range.start {
                last.plain_len += s.len();
                last.orig_len += s.len();
                return;
            }
        }
        self.push(Piece {
            plain,
            plain_len: s.len(),
            orig: range.start,
            orig_len: s.len(),
            exact: true,
        });
    }

    /// Appends `text`, standing for original bytes `range` (an entity, an
    /// escape, a line break in markup). An empty `range` marks text with no
    /// original bytes, such as a blank line between two blocks.
    pub fn replace(&mut self, text: &str, range: Range<usize>) {
        if text.is_empty() {
            return;
        }
        let plain = self.text.len();
        self.text.push_str(text);
        self.push(Piece {
            plain,
            plain_len: text.len(),
            orig: range.start,
            orig_len: range.len(),
            exact: false,
        });
    }

    /// Ends the current block: the analysed text continues after a blank
    /// line (nothing is added at the very start).
    pub fn end_block(&mut self, at: usize) {
        let t = self.text.trim_end_matches([' ', '\t']);
        if t.is_empty() || t.ends_with("\n\n") {
            return;
        }
        let add = if t.ends_with('\n') { "\n" } else { "\n\n" };
        self.replace(add, at..at);
    }

    /// Ends the current line (a `<br>`, a list item).
    pub fn end_line(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.replace("\n", at..at);
        }
    }

    /// Whether the text is at the start of a line, where leading blanks of
    /// markup-indented text mean nothing.
    pub fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn push(&mut self, piece: Piece) {
        // Readers emit in document order; a piece that would go back is
        // clamped so the map stays monotonic (and searchable).
        let mut piece = piece;
        if let Some(last) = self.pieces.last() {
            if piece.orig < last.orig_end() {
                let end = piece.orig_end().max(last.orig_end());
                piece.orig = last.orig_end();
                piece.orig_len = end - piece.orig;
                piece.exact = false;
            }
        }
        self.pieces.push(piece);
    }

    /// The analysed text and its map, without the block break that
    /// closed the last block.
    pub fn finish(mut self) -> (String, OffsetMap) {
        while let Some(last) = self.pieces.last() {
            let synthetic =
                !last.exact && last.orig_len == 0 && self.text[last.plain..].trim().is_empty();
            if !synthetic {
                break;
            }
            self.text.truncate(last.plain);
            self.pieces.pop();
        }
        (
            self.text,
            OffsetMap {
                pieces: self.pieces,
            },
        )
    }
}

/// Rewrites analysed text `plain` (mapped by `map`): each edit replaces a
/// range of it by new text (empty to remove it). Edits are sorted and do
/// not overlap. Text outside the edits keeps its mapping; replacement text
/// maps to the original bytes of what it replaces.
pub fn rewrite(
    plain: &str,
    map: &OffsetMap,
    edits: &[(Range<usize>, String)],
) -> (String, OffsetMap) {
    let mut out = Builder::new();
    let mut at = 0;
    for (range, text) in edits {
        keep(&mut out, plain, map, at..range.start);
        out.replace(text, map.to_original(range.clone()));
        at = range.end;
    }
    keep(&mut out, plain, map, at..plain.len());
    out.finish()
}

/// Appends `plain[range]` with its mapping unchanged.
fn keep(out: &mut Builder, plain: &str, map: &OffsetMap, range: Range<usize>) {
    if range.is_empty() {
        return;
    }
    let Some(text) = plain.get(range.clone()) else {
        return;
    };
    if map.pieces.is_empty() {
        // The identity: plain bytes are original bytes.
        let start = out.text.len();
        out.text.push_str(text);
        out.push(Piece {
            plain: start,
            plain_len: text.len(),
            orig: range.start,
            orig_len: range.len(),
            exact: true,
        });
        return;
    }
    let first = map.pieces.partition_point(|p| p.plain_end() <= range.start);
    for p in &map.pieces[first..] {
        if p.plain >= range.end {
            break;
        }
        let from = p.plain.max(range.start);
        let to = p.plain_end().min(range.end);
        let start = out.text.len();
        out.text.push_str(&plain[from..to]);
        let (orig, orig_len) = if p.exact {
            (p.orig + (from - p.plain), to - from)
        } else {
            (p.orig, p.orig_len)
        };
        out.push(Piece {
            plain: start,
            plain_len: to - from,
            orig,
            orig_len,
            exact: p.exact,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `**$150 million** paid &amp; done`, read as Markdown would be.
    fn sample() -> (&'static str, String, OffsetMap) {
        let original = "**$150 million** paid &amp; done";
        let mut b = Builder::new();
        b.copy(original, 2..14);
        b.copy(original, 16..22);
        b.replace("&", 22..27);
        b.copy(original, 27..32);
        let (plain, map) = b.finish();
        (original, plain, map)
    }

    #[test]
    fn spans_map_around_removed_markup() {
        let (original, plain, map) = sample();
        assert_eq!(plain, "$150 million paid & done");
        let value = map.to_original(0..12);
        assert_eq!(&original[value], "$150 million");
        let across = map.to_original(5..17);
        assert_eq!(&original[across], "million** paid");
        let entity = map.to_original(18..19);
        assert_eq!(&original[entity], "&amp;");
        let tail = map.to_original(18..24);
        assert_eq!(&original[tail], "&amp; done");
        assert_eq!(
            map.to_original(12..12),
            16..16,
            "an empty range maps where a range starting there would"
        );
        assert_eq!(map.to_original(24..24), 32..32, "the end maps to the end");
    }

    #[test]
    fn to_plain_inverts_to_original() {
        let (_, plain, map) = sample();
        for (a, b) in [(0, 12), (5, 17), (18, 24), (13, 17)] {
            let orig = map.to_original(a..b);
            assert_eq!(map.to_plain(orig), a..b, "{:?}", &plain[a..b]);
        }
    }

    #[test]
    fn identity_is_free() {
        let map = OffsetMap::identity();
        assert_eq!(map.to_original(3..9), 3..9);
        assert_eq!(map.to_plain(3..9), 3..9);
    }

    #[test]
    fn rewrite_removes_and_replaces_keeping_the_map() {
        let (original, plain, map) = sample();
        // Drop "paid " and replace "done" by "DONE".
        let (text, map2) = rewrite(
            &plain,
            &map,
            &[(13..18, String::new()), (20..24, "DONE".into())],
        );
        assert_eq!(text, "$150 million & DONE");
        assert_eq!(&original[map2.to_original(0..12)], "$150 million");
        assert_eq!(&original[map2.to_original(13..14)], "&amp;");
        assert_eq!(&original[map2.to_original(15..19)], "done");
        // Over the identity, too.
        let (text, map3) = rewrite("a b c", &OffsetMap::identity(), &[(1..3, String::new())]);
        assert_eq!(text, "a c");
        assert_eq!(map3.to_original(1..3), 3..5);
    }

    #[test]
    fn blocks_are_separated_by_one_blank_line() {
        let mut b = Builder::new();
        b.end_block(0);
        b.copy("one two", 0..3);
        b.end_block(3);
        b.end_block(3);
        b.copy("one two", 4..7);
        let (plain, map) = b.finish();
        assert_eq!(plain, "one\n\ntwo");
        assert_eq!(map.to_original(5..8), 4..7);
        assert_eq!(map.to_original(0..8), 0..7);
    }
}
