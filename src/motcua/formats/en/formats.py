# Everything a person reads uses Vietnamese number and date formats, whatever the language.
from motcua.formats.vi.formats import *  # noqa: F403
