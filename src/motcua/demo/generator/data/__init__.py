"""Vietnamese names the generator draws from: the province's organisation and its procedures."""
