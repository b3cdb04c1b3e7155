"""Learning engine for SafeLearn (plain Python; see :mod:`safelearn.learning.engine`)."""
