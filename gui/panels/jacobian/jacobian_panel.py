"""The Jacobian tab: J at the current point, and the one pass that fills a row or column.

A thin view over ``tutor.jacobian`` and ``tutor.mode_cost``. The formula is the text in
the formula field, read here with the tuple allowed (``(x*y, sin(x) + y^2)``); the point
is the variables panel's sliders (the session's values), so dragging one redraws J.
The learner picks a VJP (v, one backward pass) or a JVP (u, one forward pass) and its
vector; v, u and the choice are this panel's state in the session (key "jacobian").
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import tr_message
from gui.widgets.refresh_when_shown import RefreshWhenShown
from gui.widgets.retranslating import Retranslating
from tutor import jacobian as J
from tutor.formula import Expression, ParseError, parse
from tutor.mode_cost import compare
from tutor.numbers import short

PANEL_KEY = "jacobian"
VECTOR_RANGE = 10.0
SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


class JacobianPanel(Retranslating, RefreshWhenShown, QWidget):
    """J = [∂fᵢ/∂xⱼ], a VJP or JVP with a vector of the learner's, and both modes' cost."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jacobianPanel")
        self.controller = controller
        self.expression: Expression | None = None
        self.point: dict[str, float] = {}
        self.matrix = None
        self.product: J.Product | None = None
        self.cost = None
        self._error: str = ""
        self._updating = False
        self.v_boxes: list[QDoubleSpinBox] = []
        self.u_boxes: list[QDoubleSpinBox] = []
        self._v_labels: list[QLabel] = []
        self._u_labels: list[QLabel] = []

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("class", "muted")
        self.formula_label = QLabel(self)
        self.formula_label.setObjectName("jacobianFormula")
        self.formula_label.setWordWrap(True)

        # J as a grid of labels (read by a screen reader, nothing to operate)
        self.table = QFrame(self)
        self.table.setObjectName("jacobianTable")
        self.table.setFrameShape(QFrame.Shape.StyledPanel)
        self.matrix_grid = QGridLayout(self.table)
        self.matrix_grid.setContentsMargins(6, 4, 6, 4)
        self.matrix_grid.setHorizontalSpacing(4)
        self.matrix_grid.setVerticalSpacing(2)
        self.cells: list[list[QLabel]] = []
        self.row_headers: list[QLabel] = []
        self.column_headers: list[QLabel] = []

        self.vjp_button = QRadioButton(self)
        self.vjp_button.setObjectName("jacobianVjp")
        self.jvp_button = QRadioButton(self)
        self.jvp_button.setObjectName("jacobianJvp")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.vjp_button)
        self.mode_group.addButton(self.jvp_button)
        self.vjp_button.setChecked(True)

        self.vector_caption = QLabel(self)
        self.vector_caption.setObjectName("jacobianVectorCaption")
        self.vector_grid = QGridLayout()
        self.vector_grid.setHorizontalSpacing(6)
        self.vector_grid.setColumnStretch(6, 1)  # the boxes stay together on the left

        self.result_label = QLabel(self)
        self.result_label.setObjectName("jacobianResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.result_label.font()
        font.setBold(True)
        self.result_label.setFont(font)
        self.fills_label = QLabel(self)
        self.fills_label.setObjectName("jacobianFills")
        self.fills_label.setWordWrap(True)
        self.cost_title = QLabel(self)
        self.cost_label = QLabel(self)
        self.cost_label.setObjectName("jacobianCost")
        self.cost_label.setWordWrap(True)
        self.cost_label.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.intro)
        layout.addWidget(self.formula_label)
        layout.addWidget(self.table)
        layout.addWidget(self.vjp_button)
        layout.addWidget(self.jvp_button)
        layout.addWidget(self.vector_caption)
        layout.addLayout(self.vector_grid)
        layout.addWidget(self.result_label)
        layout.addWidget(self.fills_label)
        layout.addSpacing(6)
        layout.addWidget(self.cost_title)
        layout.addWidget(self.cost_label)
        layout.addStretch(1)

        self.retranslate_texts()
        self.vjp_button.toggled.connect(self._on_mode_toggled)
        controller.sigResultChanged.connect(self._on_controller_result_changed)
        controller.sigExpressionChanged.connect(self._on_expression_changed)
        controller.sigPanelStateChanged.connect(self._on_panel_state_changed)
        self._on_controller_result_changed(controller.result)

    # -- texts ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.retranslate_texts()
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def retranslate_texts(self) -> None:
        self.intro.setText(
            self.tr(
                "For several outputs, write a tuple: (x*y, sin(x) + y^2). Row i of the "
                "Jacobian J is the gradient of fᵢ, column j the derivatives along xⱼ. "
                "One backward pass gives vᵀJ, one forward pass J·u."
            )
        )
        self.vjp_button.setText(self.tr("vᵀJ: one backward pass (reverse mode)"))
        self.jvp_button.setText(self.tr("J·u: one forward pass (forward mode)"))
        self.vjp_button.setAccessibleName(self.tr("Vector-Jacobian product, one backward pass"))
        self.jvp_button.setAccessibleName(self.tr("Jacobian-vector product, one forward pass"))
        self.table.setAccessibleName(self.tr("Jacobian matrix"))
        self.cost_title.setText(self.tr("The whole Jacobian, measured on the engine:"))
        for box, label in zip(self.v_boxes, self._v_labels, strict=True):
            box.setAccessibleName(self.tr("Component {name} of v").format(name=label.text()))
        for box, label in zip(self.u_boxes, self._u_labels, strict=True):
            box.setAccessibleName(self.tr("Component {name} of u").format(name=label.text()))

    # -- state ---------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return "vjp" if self.vjp_button.isChecked() else "jvp"

    def vector(self) -> list[float]:
        boxes = self.v_boxes if self.mode == "vjp" else self.u_boxes
        return [box.value() for box in boxes]

    def _state(self) -> dict:
        saved = self.controller.panel_state(PANEL_KEY)
        return {
            "mode": saved.get("mode") if saved.get("mode") in ("vjp", "jvp") else "vjp",
            "v": [float(c) for c in saved.get("v", []) if _number(c)],
            "u": {str(k): float(c) for k, c in dict(saved.get("u", {})).items() if _number(c)},
        }

    def _save_state(self) -> None:
        if self._updating or self.expression is None:
            return
        state = self._state()
        state["mode"] = self.mode
        state["v"] = [box.value() for box in self.v_boxes]
        state["u"] = dict(state["u"])
        for name, box in zip(self.expression.variables, self.u_boxes, strict=True):
            state["u"][name] = box.value()
        self.controller.set_panel_state(
            PANEL_KEY, state, label=self.tr("Change the Jacobian's vector")
        )

    def _on_mode_toggled(self, _checked: bool) -> None:
        if self._updating:
            return
        self._save_state()
        self.refresh()

    def _on_box_changed(self, _value: float) -> None:
        if self._updating:
            return
        self._save_state()
        self.refresh()

    def _on_expression_changed(self, _text: str) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def _on_panel_state_changed(self, key: str) -> None:
        if key == PANEL_KEY and not self._updating:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    # -- drawing -------------------------------------------------------------------

    def _read_formula(self) -> None:
        session = self.controller.session
        self.expression, self._error = None, ""
        try:
            expr = parse(session.expression_text)
        except ParseError as exc:
            self._error = tr_message(exc)
            return
        if not expr.variables:
            self._error = self.tr("This formula has no variables: J has no columns.")
            return
        self.expression = expr
        self.point = {
            name: session.variables[name].value if name in session.variables else 1.0
            for name in expr.variables
        }

    def refresh(self) -> None:
        self._dirty = False
        self._read_formula()
        expr = self.expression
        if expr is None:
            self.formula_label.setText(self._error)
            for w in (self.table, self.vjp_button, self.jvp_button, self.vector_caption):
                w.setVisible(False)
            self._rebuild_boxes([], [])
            for w in (self.result_label, self.fills_label, self.cost_title, self.cost_label):
                w.setVisible(False)
            return
        for w in (self.table, self.vjp_button, self.jvp_button, self.vector_caption):
            w.setVisible(True)
        for w in (self.result_label, self.fills_label, self.cost_title, self.cost_label):
            w.setVisible(True)
        labels = J.output_labels(expr)
        texts = J.output_texts(expr)
        missing = [n for n in expr.variables if n not in self.controller.session.variables]
        lines = [f"{label} = {text}" for label, text in zip(labels, texts, strict=True)]
        formula = "    ".join(lines)
        if missing:
            formula += "\n" + self.tr("{names}: no slider yet, taken at 1").format(
                names=", ".join(missing)
            )
        self.formula_label.setText(formula)

        state = self._state()
        self._updating = True
        try:
            self.vjp_button.setChecked(state["mode"] == "vjp")
            self.jvp_button.setChecked(state["mode"] == "jvp")
            m = len(expr.outputs)
            v = (state["v"] + [0.0] * m)[:m] if state["v"] else [1.0] + [0.0] * (m - 1)
            first = expr.variables[0]
            u = [
                state["u"].get(name, 1.0 if name == first and not state["u"] else 0.0)
                for name in expr.variables
            ]
            self._rebuild_boxes(
                [(f"v{str(i + 1).translate(SUBSCRIPT)}", c) for i, c in enumerate(v)],
                [(_dotted(name), c) for name, c in zip(expr.variables, u, strict=True)],
            )
        finally:
            self._updating = False
        self.retranslate_texts()

        self.matrix = J.jacobian(expr, self.point)
        vec = self.vector()
        if self.mode == "vjp":
            self.product = J.vjp(expr, self.point, vec)
        else:
            self.product = J.jvp(expr, self.point, vec)
        self.cost = compare(expr, self.point)
        self._fill_table(labels)
        self._show_product(labels)
        self._show_cost()

    def _rebuild_boxes(self, v: list[tuple[str, float]], u: list[tuple[str, float]]) -> None:
        """One spin box per component of v and u (only the chosen one's are shown)."""
        want_v = [name for name, _ in v]
        want_u = [name for name, _ in u]
        if [lab.text() for lab in self._v_labels] != want_v or [
            lab.text() for lab in self._u_labels
        ] != want_u:
            while self.vector_grid.count():
                item = self.vector_grid.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
            self.v_boxes, self.u_boxes, self._v_labels, self._u_labels = [], [], [], []
            for kind, entries in (("v", v), ("u", u)):
                for i, (name, _c) in enumerate(entries):
                    label = QLabel(name, self)
                    box = QDoubleSpinBox(self)
                    box.setObjectName(f"jacobian_{kind}{i}")
                    box.setRange(-VECTOR_RANGE, VECTOR_RANGE)
                    box.setSingleStep(0.1)
                    box.setDecimals(2)
                    box.setKeyboardTracking(False)
                    box.valueChanged.connect(self._on_box_changed)
                    label.setBuddy(box)
                    column = (i % 3) * 2
                    row = (0 if kind == "v" else 10) + i // 3
                    self.vector_grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignRight)
                    self.vector_grid.addWidget(box, row, column + 1)
                    (self.v_boxes if kind == "v" else self.u_boxes).append(box)
                    (self._v_labels if kind == "v" else self._u_labels).append(label)
        for box, (_name, c) in zip(self.v_boxes + self.u_boxes, v + u, strict=True):
            if box.value() != c:
                box.setValue(c)
        vjp = self.mode == "vjp"
        for box, label in zip(self.v_boxes, self._v_labels, strict=True):
            box.setVisible(vjp)
            label.setVisible(vjp)
        for box, label in zip(self.u_boxes, self._u_labels, strict=True):
            box.setVisible(not vjp)
            label.setVisible(not vjp)

    def _fill_table(self, labels: list[str]) -> None:
        expr = self.expression
        m, n = self.matrix.shape
        if len(self.row_headers) != m or len(self.column_headers) != n:
            while self.matrix_grid.count():
                item = self.matrix_grid.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
            self.row_headers = [QLabel(self.table) for _ in range(m)]
            self.column_headers = [QLabel(self.table) for _ in range(n)]
            self.cells = [[QLabel(self.table) for _ in range(n)] for _ in range(m)]
            for j, label in enumerate(self.column_headers):
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.matrix_grid.addWidget(label, 0, j + 1)
                self.matrix_grid.setColumnStretch(j + 1, 1)
            for i, label in enumerate(self.row_headers):
                self.matrix_grid.addWidget(label, i + 1, 0)
                for j, cell in enumerate(self.cells[i]):
                    cell.setObjectName(f"jacobianCell_{i}_{j}")
                    cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
                    cell.setMinimumWidth(64)
                    self.matrix_grid.addWidget(cell, i + 1, j + 1)
        t = theme.current()
        for j, label in enumerate(self.column_headers):
            label.setText(f"∂/∂{expr.variables[j]}")
            label.setStyleSheet(f"color: {t.muted_text};")
        for i, label in enumerate(self.row_headers):
            label.setText(f"∂{labels[i]}")
            label.setStyleSheet(f"color: {t.muted_text};")
        fills = self.product.fills if self.product is not None else None
        for i in range(m):
            for j in range(n):
                cell = self.cells[i][j]
                text = short(self.matrix[i, j])
                cell.setText(text)
                entry = J.entry_label(labels[i], expr.variables[j])
                cell.setToolTip(f"{entry} = {text}")
                cell.setAccessibleName(f"{entry} = {text}")
                lit = fills is not None and (
                    (fills[0] == "row" and fills[1] == i)
                    or (fills[0] == "column" and fills[1] == j)
                )
                cell.setProperty("lit", lit)
                if lit:
                    cell.setStyleSheet(
                        f"background: {t.highlight_fill}; color: {t.highlight_text}; "
                        f"border: 1px solid {t.highlight_line}; border-radius: 3px; "
                        "padding: 3px; font-weight: bold;"
                    )
                else:
                    cell.setStyleSheet(
                        f"color: {t.text}; border: 1px solid transparent; padding: 3px;"
                    )

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.expression is not None:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def _show_product(self, labels: list[str]) -> None:
        p = self.product
        expr = self.expression
        if p.kind == "vjp":
            self.vector_caption.setText(
                self.tr("v: how much of each output's gradient (the output grads' seed)")
            )
            names = [f"∂/∂{name}" for name in expr.variables]
            head = "vᵀJ"
        else:
            self.vector_caption.setText(self.tr("u: the direction the inputs move in (tangents)"))
            names = labels
            head = "J·u"
        self.result_label.setText(f"{head} = {J.product_text(p)}")
        self.result_label.setToolTip(
            ", ".join(f"{name}: {short(c)}" for name, c in zip(names, p.result, strict=True))
        )
        if p.fills is not None and p.fills[0] == "row":
            self.fills_label.setText(
                self.tr(
                    "v is one-hot: this backward pass fills row {i}, the gradient of {f}."
                ).format(i=p.fills[1] + 1, f=labels[p.fills[1]])
            )
        elif p.fills is not None:
            self.fills_label.setText(
                self.tr(
                    "u is one-hot: this forward pass fills column {j}, every output's "
                    "derivative along {x}."
                ).format(j=p.fills[1] + 1, x=expr.variables[p.fills[1]])
            )
        elif p.kind == "vjp":
            self.fills_label.setText(
                self.tr("A general v: the pass gives a mix of the rows, Σ vᵢ · row i.")
            )
        else:
            self.fills_label.setText(
                self.tr("A general u: the pass gives a mix of the columns, Σ uⱼ · column j.")
            )

    def _show_cost(self) -> None:
        c = self.cost
        rows = [
            (self.tr("forward mode"), self.tr("one per input"), c.forward),
            (self.tr("reverse mode"), self.tr("one per output"), c.reverse),
        ]
        passes = self.tr("passes")
        operations = self.tr("operations")
        rules = self.tr("rules run")
        head = f"<tr><th></th><th>{passes}</th><th>{operations}</th><th>{rules}</th></tr>"
        body = "".join(
            f"<tr><td>{name} ({why})&nbsp;</td><td align='right'>{m.passes}</td>"
            f"<td align='right'>{m.total}</td><td align='right'>{m.rules}</td></tr>"
            for name, why, m in rows
        )
        note = self.tr(
            "operations: every function the engine evaluated (the rules' own included); "
            "rules run: tangent rules (forward) or backward methods (reverse)."
        )
        color = theme.current().muted_text
        self.cost_label.setText(
            f"<table cellspacing='2' cellpadding='2'>{head}{body}</table>"
            f"<span style='color:{color}'>{note}</span>"
        )


def _dotted(name: str) -> str:
    """``ẋ``, ``ẋ0``: the tangent of a variable, as the tangent rules write it."""
    return name[0] + "\u0307" + name[1:]


def _number(c) -> bool:
    return isinstance(c, (int, float)) and not isinstance(c, bool) and math.isfinite(c)


__all__ = ["JacobianPanel", "PANEL_KEY"]
