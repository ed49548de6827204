#include "cicu.h"

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <stdio.h>

memoscope_break_iterator *memoscope_break_open(int32_t kind) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iterator =
      ubrk_open(kind == 1 ? UBRK_SENTENCE : UBRK_WORD, "", NULL, 0, &status);
  if (U_FAILURE(status)) return NULL;
  return (memoscope_break_iterator *)iterator;
}

void memoscope_break_close(memoscope_break_iterator *iterator) {
  if (iterator) ubrk_close((UBreakIterator *)iterator);
}

int32_t memoscope_break_set_text(memoscope_break_iterator *iterator, const uint16_t *text,
                                 int32_t length) {
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, &status);
  return U_FAILURE(status) ? -1 : 0;
}

int32_t memoscope_break_first(memoscope_break_iterator *iterator) {
  return ubrk_first((UBreakIterator *)iterator);
}

int32_t memoscope_break_next(memoscope_break_iterator *iterator) {
  int32_t next = ubrk_next((UBreakIterator *)iterator);
  return next == UBRK_DONE ? -1 : next;
}

int32_t memoscope_break_rule_status(memoscope_break_iterator *iterator) {
  return ubrk_getRuleStatus((UBreakIterator *)iterator);
}

int32_t memoscope_break_words(memoscope_break_iterator *iterator, const uint16_t *text,
                              int32_t length, int32_t *segments) {
  UBreakIterator *words = (UBreakIterator *)iterator;
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(words, (const UChar *)text, length, &status);
  if (U_FAILURE(status)) return -1;
  int32_t count = 0;
  int32_t start = ubrk_first(words);
  for (int32_t end = ubrk_next(words); end != UBRK_DONE; end = ubrk_next(words)) {
    int32_t rule = ubrk_getRuleStatus(words);
    if (rule >= MEMOSCOPE_WORD_NUMBER) {
      segments[3 * count] = start;
      segments[3 * count + 1] = end;
      segments[3 * count + 2] = rule;
      count += 1;
    }
    start = end;
  }
  return count;
}

static const UNormalizer2 *nfkc_casefold(void) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
  return U_FAILURE(status) ? NULL : normalizer;
}

int32_t memoscope_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *destination,
                                int32_t capacity) {
  const UNormalizer2 *normalizer = nfkc_casefold();
  if (!normalizer) return -1;
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = unorm2_normalize(normalizer, (const UChar *)source, length,
                                    (UChar *)destination, capacity, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) return needed;
  return U_FAILURE(status) ? -1 : needed;
}

int32_t memoscope_is_nfkc_casefolded(const uint16_t *source, int32_t length) {
  const UNormalizer2 *normalizer = nfkc_casefold();
  if (!normalizer) return 0;
  UErrorCode status = U_ZERO_ERROR;
  UBool normalized = unorm2_isNormalized(normalizer, (const UChar *)source, length, &status);
  return (!U_FAILURE(status) && normalized) ? 1 : 0;
}

const char *memoscope_icu_version(void) {
  static char text[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo version;
  u_getVersion(version);
  u_versionToString(version, text);
  return text;
}
