#ifndef MEMOSCOPE_CICU_H
#define MEMOSCOPE_CICU_H

/* Stable, unversioned names for the few ICU calls Memoscope makes. Only cicu.c includes ICU's
   headers, so Swift modules never see the system ICU (which clashes with Foundation's copy). */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An opaque ICU break iterator (word or sentence). */
typedef struct memoscope_break_iterator memoscope_break_iterator;

/** Rule-status ranges ICU reports for word boundaries (UWordBreak). */
enum {
  MEMOSCOPE_WORD_NONE = 0,        /* spaces, punctuation: [0, 100) */
  MEMOSCOPE_WORD_NUMBER = 100,    /* [100, 200) */
  MEMOSCOPE_WORD_LETTER = 200,    /* [200, 300) */
  MEMOSCOPE_WORD_KANA = 300,      /* [300, 400) */
  MEMOSCOPE_WORD_IDEO = 400       /* [400, 500) */
};

/** Opens a word (kind 0) or sentence (kind 1) break iterator for the root locale.
    Returns NULL on failure. */
memoscope_break_iterator *memoscope_break_open(int32_t kind);
/** Closes an iterator from memoscope_break_open. */
void memoscope_break_close(memoscope_break_iterator *iterator);
/** Points the iterator at UTF-16 text, which must outlive the iteration. Returns 0 on success. */
int32_t memoscope_break_set_text(memoscope_break_iterator *iterator, const uint16_t *text,
                                 int32_t length);
/** Moves to the first boundary (always 0). */
int32_t memoscope_break_first(memoscope_break_iterator *iterator);
/** Moves to the next boundary; returns -1 at the end. */
int32_t memoscope_break_next(memoscope_break_iterator *iterator);
/** The rule status of the boundary last returned (see MEMOSCOPE_WORD_*). */
int32_t memoscope_break_rule_status(memoscope_break_iterator *iterator);

/** Segments UTF-16 `text` into words with a word iterator from memoscope_break_open(0) and
    writes one (start, end, rule status) triple to `segments` for each segment whose rule status
    is at least MEMOSCOPE_WORD_NUMBER (words and numbers; spaces and punctuation are skipped).
    `segments` must hold 3 * `length` values (a segment is at least one unit long).
    Returns the number of segments, or -1 on an ICU error. One call per paragraph instead of two
    per boundary. */
int32_t memoscope_break_words(memoscope_break_iterator *iterator, const uint16_t *text,
                              int32_t length, int32_t *segments);

/** NFKC-casefolds UTF-16 `source` into `destination` (capacity in UTF-16 units).
    Returns the needed length; a result larger than `capacity` means call again with more room.
    Returns -1 on an ICU error. */
int32_t memoscope_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *destination,
                                int32_t capacity);
/** True (1) when `source` is already NFKC-casefolded, so no copy is needed. */
int32_t memoscope_is_nfkc_casefolded(const uint16_t *source, int32_t length);

/** True (1) when ICU has a converter for `name` (an ICU converter name or alias). */
int32_t memoscope_converter_exists(const char *name);

/** Converts `length` bytes in the charset ICU names `name` to UTF-8 in `destination`.
    Every ill-formed or unmapped byte sequence becomes U+FFFD, and `*replaced` counts them.
    Returns the UTF-8 length; -1 when ICU has no such converter; -2 when `capacity` is too
    small (4 * length + 16 always suffices); -3 on another ICU error. */
int32_t memoscope_convert_to_utf8(const char *name, const uint8_t *source, int32_t length,
                                  uint8_t *destination, int32_t capacity, int32_t *replaced);

/** Converts well-formed UTF-8 to the charset ICU names `name`, stopping at the first character
    the charset cannot hold. Returns the length written; -1 when ICU has no such converter;
    -2 when `capacity` is too small; -3 when a character cannot be encoded or on an ICU error.
    Used by tests to write pages in every encoding. */
int32_t memoscope_convert_from_utf8(const char *name, const uint8_t *source, int32_t length,
                                    uint8_t *destination, int32_t capacity);

/** The ICU version string, e.g. "72.1". */
const char *memoscope_icu_version(void);

#ifdef __cplusplus
}
#endif
#endif
