"""Quality measurements against labelled data (gold files, SemEval pairs, story streams)."""
