"""Small closed word lists the lint rules need (all NFC, written for this project).

These are linguistic facts, not house style: which words end in a visarga, which words are
legitimately reduplicated, which function words never are, which Devanagari syllables are
the names of Latin letters (initials like ``वी.``).
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "FUNCTION_WORDS",
    "LATIN_LETTER_NAMES",
    "REDUPLICATION_OK",
    "VISARGA_WORDS",
]


def _nfc_set(words: str) -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", w) for w in words.split())


# Words written with visarga (ः) at the end; "<word>:" is then a typed visarga, not a colon.
VISARGA_WORDS = _nfc_set("""
    अतः प्रायः पुनः सामान्यतः मुख्यतः अंततः अन्ततः वस्तुतः संभवतः सम्भवतः स्वतः विशेषतः
    पूर्णतः क्रमशः फलतः मूलतः अंशतः प्रथमतः स्वभावतः नियमतः सर्वतः प्रातः ततः यतः
    अधिकांशतः प्रमुखतः शनैः नमः छः उच्चैः दुःख अन्तः अंतः प्रत्यक्षतः परोक्षतः व्यक्तिगततः
    सामूहिकतः तत्वतः तत्त्वतः सिद्धांततः सिद्धान्ततः औपचारिकतः आंशिकतः विधितः स्वाभाविकतः
""")

# Closed-class words that are (almost) never doubled on purpose: "के के" is a typo.
FUNCTION_WORDS = _nfc_set("""
    का के की को में से ने पर तक है हैं था थे थी थीं हो हुआ हुई हुए और या कि तो भी ही एवं
    तथा व लेकिन परंतु परन्तु किंतु किन्तु अथवा एक यह वह ये वे इस उस इन उन जो जिस जिन
    नहीं न मैं हम आप तुम उसे इसे उन्हें इन्हें द्वारा साथ लिए बाद पहले गया गई गए रहा रही रहे
    कर करने करते किया की कहा
""") - frozenset({"एक", "साथ", "कर", "न"})  # एक एक / साथ साथ / कर कर are idiomatic

# Reduplications common in correct Hindi prose (written with a space instead of a hyphen).
REDUPLICATION_OK = _nfc_set("""
    अलग धीरे साथ बार कभी जगह घर एक दो तीन चार पांच दस सौ रोज बड़े छोटे कई तरह अपने अपनी
    अपना पास आगे पीछे जल्दी ज़ोर जोर हां हाँ नहीं क्या कौन कहां कहाँ किस किसे किन जो जैसे
    ज्यों चलते देखते रहते सुबह गांव गाँव शहर गली पल हर भर खूब ख़ूब बहुत सच बूंद बूँद थोड़ा
    थोड़े थोड़ी दिन रात साल महीने कोने दूर ऊपर नीचे बीच अंदर बाहर ठीक लंबे ऊंचे ऊँचे नए
    पुराने तुरंत फिर कहीं कुछ गरम गर्म मीठे हंसते हँसते रोते बैठे खड़े लेते देते आते जाते
    करते सोते खाते पीते बोलते पढ़ते लिखते मन पानी टुकड़े टुकड़े बच्चे बच्चा वाह नमो जय हरे राम
    जल्द एक-एक बड़ी छोटी ढेर शुरू शुरु सबसे बारी ताजा ताज़ा
""")

# Devanagari spellings of Latin letter names: "वी." / "ए.पी.जे." are initials, not sentence ends.
LATIN_LETTER_NAMES = _nfc_set("""
    ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू डबल्यू एक्स
    वाई ज़ेड जेड जैड
""")
