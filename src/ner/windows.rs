//! Sentences longer than the model's window are cut into overlapping windows of whole words; each word
//! then takes its label from the window where it sits farthest from an edge, where it has most context.

use std::ops::Range;

/// Plans windows over words with `token_counts[i]` sub-tokens each, at most `max_tokens` per window,
/// consecutive windows sharing up to `overlap_tokens` tokens. Every word is in at least one window.
pub fn plan_windows(token_counts: &[usize], max_tokens: usize, overlap_tokens: usize) -> Vec<Range<usize>> {
    let mut windows = Vec::new();
    let mut start = 0;
    while start < token_counts.len() {
        let mut end = start;
        let mut total = 0;
        while end < token_counts.len() && (end == start || total + token_counts[end] <= max_tokens) {
            total += token_counts[end];
            end += 1;
        }
        windows.push(start..end);
        if end == token_counts.len() {
            break;
        }
        let mut next = end;
        let mut shared = 0;
        while next > start + 1 && shared + token_counts[next - 1] <= overlap_tokens {
            shared += token_counts[next - 1];
            next -= 1;
        }
        start = next;
    }
    windows
}

/// The window that labels `word`: the one where it is farthest from an edge (the first on ties).
pub fn owner_window(word: usize, windows: &[Range<usize>]) -> usize {
    let mut best = (0, 0);
    for (index, window) in windows.iter().enumerate().filter(|(_, w)| w.contains(&word)) {
        let margin = (word - window.start).min(window.end - 1 - word) + 1;
        if margin > best.1 {
            best = (index, margin);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_sentences_are_one_window() {
        assert_eq!(plan_windows(&[1, 2, 3], 10, 4), vec![0..3]);
        assert!(plan_windows(&[], 10, 4).is_empty());
    }

    #[test]
    fn long_sentences_overlap_and_cover_every_word() {
        let counts = vec![2; 20]; // 40 tokens
        let windows = plan_windows(&counts, 10, 4);
        assert_eq!(windows, vec![0..5, 3..8, 6..11, 9..14, 12..17, 15..20]);
        for word in 0..20 {
            let owner = &windows[owner_window(word, &windows)];
            assert!(owner.contains(&word));
        }
        assert_eq!(owner_window(4, &windows), 1); // edge of window 0, inside window 1
    }

    #[test]
    fn a_word_longer_than_the_window_still_gets_one() {
        assert_eq!(plan_windows(&[3, 50, 3], 10, 4), vec![0..1, 1..2, 2..3]);
    }
}
