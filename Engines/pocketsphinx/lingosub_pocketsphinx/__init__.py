"""A LingoSub sidecar engine on pocketsphinx 5 (CMU Sphinx): audio conversion, decoder settings,
block-wise recognition with drafts, and the engine class."""
