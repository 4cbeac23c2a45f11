"""Chinese NLP helpers behind the summary, tags, title and category stages.

``weights``   word weights (TF-IDF centrality) shared by summary and tags
``spans``     sentence / clause candidates, the hand-set sentence scorer and the learned word model (核心提示)
``entities``  a hand-written canonical-entity table (哈登 → 詹姆斯·哈登, 浦东 → 上海市)
``lexicon``   an optional co-occurrence lexicon learned from a corpus (user data dir)
``tagmodel``  an optional learned headline tag scorer (setting ``tag_model``, user data dir)
``headline``  a generated title from the lead (clauses picked by the same scorer)
``classify``  a small complement naive Bayes on character n-grams for channels
``labels``    labelled-headline formats (TNEWS, THUCNews, Toutiao) → channel names
``build``     ``python -m zixun.nlp.build lexicon|category|summary-weights|tags-model …``
``paths``     where learned resources live (never inside the package)
"""
