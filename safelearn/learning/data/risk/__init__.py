"""Hand-written immediate-risk reports (JSON Lines), the training data of the learned risk model."""
