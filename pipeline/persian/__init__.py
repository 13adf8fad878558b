"""Persian language module: numbers, figures and dates found in text, with their values.

Text in, spans with parsed values out; it knows nothing about documents, the tagger or the
records, so both tagging (:mod:`pipeline.tag.rules`) and the record stages use it without
importing each other.

* :mod:`pipeline.persian.numbers` - digits and number words («دو میلیون و پانصد هزار»);
* :mod:`pipeline.persian.figures` - amounts with units and kinds (money, percent, area ...);
* :mod:`pipeline.persian.dates` - Jalali/Gregorian/relative dates resolved against the article date
  (the public face of :mod:`~pipeline.persian.date_patterns`, :mod:`~pipeline.persian.date_finder`,
  :mod:`~pipeline.persian.date_calendar` and :mod:`~pipeline.persian.date_resolve`);
* :mod:`pipeline.persian.spans` - both finders run once per document, spans with their values.
"""
