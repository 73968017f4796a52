"""What every calculator shares: fields and parsing, text, vocabulary, formatting, money
arithmetic and the typed parts of a result. Standard library only."""
