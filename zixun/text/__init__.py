"""Chinese text helpers: normalisation, sentence splitting and segmentation (done once, here)."""
