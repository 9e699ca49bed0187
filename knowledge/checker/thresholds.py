"""All limits of the knowledge-card checker, in one place.

Start: the B1 rules in docs/contracts.md. Calibrated on 2026-11-23 against
(a) seven B1 texts written for this purpose in the style of Rijksoverheid /
Juridisch Loket "gewone taal" pages (bezwaartermijn, klacht of bezwaar,
cliëntondersteuner, bezwaarschrift with a list, ombudsman, Wlz-indicatie,
ingebrekestelling; 94–120 words each),
(b) three non-B1 texts of the same domain: an "ambtelijk" rewrite of the
bezwaartermijn text and two paragraphs from the seed reports (001, 002), and
(c) the first 101 cards the writers produced (they ran this checker while writing,
so (c) shows what is reachable, not independent evidence).
Measured with this checker (glossary = knowledge/glossary/*.txt); ranges, median:

                   words/sentence  longest sentence  rare share         Flesch–Douma
  B1 samples (a)   7.4–9.2 (8.5)   12–17 (14)        0.0–2.2% (1.0%)    76.9–100.6 (91.2)
  cards (c)        5.6–9.6 (7.7)    9–20 (13)        0.0–9.9% (2.1%)    65.0–99.0 (84.7)
  non-B1 (b)       18.2–30.3       24–37             8.8–12.8%          34.2–55.4

Every contract limit is reachable for good B1 Dutch, also for texts full of long
domain words: the lowest card (geschilleninstantie, "zorgaanbieder" six times,
1.73 syllables per word) still scores 65. So the contract values stay. Change a
value here and in the B1 sentence of docs/contracts.md together.
"""
from __future__ import annotations

# Average words per sentence in the body. B1 advice is 10–12 words; B1 samples and
# cards stay at or below 9.6, non-B1 texts start at 18. Headings and list items
# count as sentences (they are read as units).
MAX_AVG_SENTENCE_WORDS = 12.0

# No sentence in the body may be longer than this. B1 samples peak at 17 words,
# the median card at 13; the non-B1 texts have 24–37. Also applied to the summary (warning).
MAX_SENTENCE_WORDS = 20

# Share of words (numbers and web addresses left out) that are neither among the
# RARE_WORD_VOCABULARY_SIZE most frequent Dutch words (wordfreq), nor an inflected
# form of one (klachten, bezwaren, stuurt, aangevraagd), nor in the glossary.
# Kept at the contract's 15%: B1 samples reach 2.2%, cards 9.9%. Honest note: with
# the glossary this measure alone does not separate B1 from official language (the
# non-B1 texts score 8.8–12.8%: their words are frequent, their sentences long), so
# a lower limit would not give a clean cut either; it guards against jargon, while
# sentence length and Flesch–Douma separate the texts. Without the glossary the
# cards score 0.8–18.2% (median 7.6%): the glossary keeps Wlz/Wmo/Zvw cards under.
MAX_RARE_WORD_SHARE = 0.15
RARE_WORD_VOCABULARY_SIZE = 5000

# Flesch–Douma reading ease: 206.835 − 0.93 × words/sentence − 77 × syllables/word
# (syllables from the Dutch pyphen dictionary, as textstat uses for "nl"). Computed
# with the checker's own sentence split: textstat.flesch_reading_ease (lang "nl")
# has the same constants and gives the same score on plain prose (6 of 7 samples
# identical), but it ends a sentence at every "." ("art.", "o.a.") and merges list
# items, so it drifts on card texts.
# 60–70 is "fairly easy". B1 samples score 76.9–100.6, cards 65.0–99.0, non-B1
# texts 34.2–55.4, so 60 sits in the gap. Long compounds (cliëntondersteuner,
# ingebrekestelling) cost points, but short sentences make up for them; the limit
# did not need lowering.
MIN_FLESCH_DOUMA = 60.0

# Body length in words: long enough to answer, short enough for one chat turn.
# B1 samples have 94–120 words, cards 96–185.
MIN_BODY_WORDS = 40
MAX_BODY_WORDS = 200

# At least this many ways a citizen asks the question (retrieval matches on them).
MIN_QUESTIONS = 3

# A summary longer than this gets a WARNING (not an error: the contract only says
# "one sentence"). While this was an error, 24 of the first 37 cards failed on it
# (21–32 words, mostly two sentences joined with ";" or ","); it is citizen-facing
# text, so making it an error is a decision for the lead developer.
MAX_SUMMARY_WORDS = MAX_SENTENCE_WORDS

# review_by closer than this many days gives a warning; in the past, an error.
REVIEW_WARNING_DAYS = 30

# The English section of a card (`## English`, knowledge/card_languages.py): B1 for English.
# Flesch Reading Ease with textstat's English constants (206.835 − 1.015 × words/sentence −
# 84.6 × syllables/word); 60–70 is "plain English". Sentences from the checker's own split, as
# for Dutch. Plain-English guides (B1) advise 15–20 words a sentence on average; the cards are
# short chat answers, so the average stays at 15 and no sentence may pass 25 words.
MIN_FLESCH_ENGLISH = 60.0
MAX_AVG_SENTENCE_WORDS_ENGLISH = 15.0
MAX_SENTENCE_WORDS_ENGLISH = 25
