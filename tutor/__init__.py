"""The tutor's model, without Qt: formulas, the session document, evaluation, recorded
graphs and backward traces, the map and its optimizers, exports, lessons, and the
text of every number.

``gui/`` draws what this package computes; this package only uses ``engine/`` and never
imports ``gui`` or Qt (``tests/test_layering.py`` checks it).
"""
