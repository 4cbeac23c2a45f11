"""Pipeline stages: each module has one public ``run(article, page)`` that fills part of the Article."""
