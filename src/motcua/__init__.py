"""motcua: the one-stop shop (một cửa) of a Vietnamese province."""
