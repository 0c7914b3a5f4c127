"""The tutor window: the formula and its variables on the left, the plot in the middle.

``MainWindow(session=None)`` builds everything around one ``SessionController``
(``window.controller``). Other panels plug in with ``add_side_panel(widget, title)``:
they go into the right-hand tab widget (``sideTabs``), which stays hidden while empty.
A panel takes the controller, listens to its signals and writes through its methods —
panels never talk to each other.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.app import APP_NAME
from gui.controller import SessionController
from gui.file_actions import install_file_actions
from gui.i18n import LanguageMenu
from gui.panels.descent.optimizer_panel import MapDescentPanel
from gui.panels.formula.button_palette import Palette
from gui.panels.formula.expression_bar import ExpressionBar
from gui.panels.formula.value_display import ValueDisplay
from gui.panels.gradient_check.gradient_check_panel import GradientCheckPanel
from gui.panels.graph.graph_panel import GraphPanel
from gui.panels.jacobian.jacobian_panel import JacobianPanel
from gui.panels.lessons.lesson_panel import LessonPanel, install_switch_banner
from gui.panels.plot.plot_panel import PlotPanel
from gui.panels.variables.variables_panel import VariablesPanel
from gui.widgets.retranslating import Retranslating
from tutor.session import CURVES, Session, example_session

DEFAULT_SIZE = QSize(1400, 860)
LEFT_COLUMN_WIDTH = 460


class MainWindow(Retranslating, QMainWindow):
    """The main window. ``controller`` is the way in for every other part of the GUI."""

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.controller = SessionController(
            session if session is not None else example_session(), self
        )
        self.file_path: str | None = None
        # (panel, its tab title): titles are set in retranslate()
        self._tab_titles: list[tuple[QWidget, Callable[[], str]]] = []

        # -- left column: formula, buttons, value, variables ---------------------
        left = QWidget(self)
        left.setObjectName("leftColumn")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(10, 10, 6, 10)
        left_layout.setSpacing(8)

        self.expression_bar = ExpressionBar(self.controller, left)
        self.palette = Palette(self.controller, self.expression_bar.edit, left)
        self.formula_box = formula_box = QGroupBox(left)
        formula_box.setObjectName("formulaBox")
        box_layout = QVBoxLayout(formula_box)
        box_layout.setSpacing(6)
        box_layout.addWidget(self.expression_bar)
        box_layout.addWidget(self.palette)
        left_layout.addWidget(formula_box)

        self.value_display = ValueDisplay(self.controller, left)
        left_layout.addWidget(self.value_display)

        self.variables_panel = VariablesPanel(self.controller, left)
        self.variables_box = variables_box = QGroupBox(left)
        variables_box.setObjectName("variablesBox")
        vbox = QVBoxLayout(variables_box)
        vbox.setContentsMargins(6, 8, 2, 6)
        vbox.addWidget(self.variables_panel)
        left_layout.addWidget(variables_box, 1)

        # -- centre: the plot; right: tabs for other panels --------------------------
        self.plot_panel = PlotPanel(self.controller, self)
        plot_frame = QFrame(self)
        plot_frame.setObjectName("plotFrame")
        plot_layout = QVBoxLayout(plot_frame)
        plot_layout.setContentsMargins(6, 10, 10, 10)
        plot_layout.addWidget(self.plot_panel)

        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.setDocumentMode(False)
        self.side_tabs.setVisible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(plot_frame)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        left.setMinimumWidth(410)
        self.splitter.setSizes([LEFT_COLUMN_WIDTH, DEFAULT_SIZE.width() - LEFT_COLUMN_WIDTH, 0])
        self.setCentralWidget(self.splitter)

        # The File menu (sessions, recent files, autosave and recovery, exports, Quit)
        # is built by gui/file_actions.py; the other menus here.
        self.file_actions = install_file_actions(self, self.controller)
        self._build_menus()
        # The graph is the tutor's heart: its tab comes first and is open at launch.
        self._install_graph()
        self._install_lessons()
        self._install_map()
        self._install_gradient_check()
        self._install_jacobian()
        self.side_tabs.setCurrentIndex(0)
        self.statusBar().setSizeGripEnabled(True)
        self.controller.undo_stack.cleanChanged.connect(self._update_title)
        self.controller.sigDocumentReplaced.connect(self._update_title)
        self.resize(DEFAULT_SIZE)
        self._share_width(DEFAULT_SIZE.width())
        self.retranslate()
        self.statusBar().showMessage(
            self.tr("Drag a slider, or click in the plot to move the point."), 15000
        )

    def retranslate(self) -> None:
        self.formula_box.setTitle(self.tr("Formula"))
        self.variables_box.setTitle(self.tr("Variables  (◉ = the plot runs along it)"))
        for widget, title in self._tab_titles:
            self.side_tabs.setTabText(self.side_tabs.indexOf(widget), title())
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self._update_undo_texts()
        self.focus_expression_action.setText(self.tr("Edit &Formula"))
        curve_names = {
            "f": self.tr("Show f"),
            "df": self.tr("Show f′ (first derivative)"),
            "d2f": self.tr("Show f″ (second derivative)"),
            "tangent": self.tr("Show the &Tangent Line"),
        }
        for key, action in self.curve_actions.items():
            action.setText(curve_names[key])
        self.fit_action.setText(self.tr("&Fit Plot to Curves"))
        self.about_action.setText(self.tr("&About Autodiff Tutor"))
        self.open_lesson_action.setText(self.tr("Open &Lesson…"))
        self.file_actions.retranslate()
        self._update_title()

    # -- panels from other parts of the app -------------------------------------------

    def _share_width(self, total: int) -> None:
        """Split ``total`` pixels: the formula column at its narrowest, then the plot and
        the side tabs. The graph needs ~540 px to show a small formula whole, whatever
        the language of the plot's header."""
        if self.side_tabs.isHidden():
            return
        left = self.splitter.widget(0).minimumWidth()
        side = max(540, int(total * 0.38))
        self.splitter.setSizes([left, max(360, total - left - side), side])

    def add_side_panel(self, widget: QWidget, title: str | Callable[[], str]) -> int:
        """Add ``widget`` as a tab on the right; the tab area shows once it has a tab.

        ``title`` is the tab's text, or a function giving it in the current language
        (asked again whenever the language changes)."""
        if isinstance(title, str):
            title = (lambda text: lambda: text)(title)
        self._tab_titles.append((widget, title))
        index = self.side_tabs.addTab(widget, title())
        if self.side_tabs.isHidden():
            self.side_tabs.setVisible(True)
            sizes = self.splitter.sizes()
            total = sum(sizes) or self.width()
            left = min(sizes[0] or LEFT_COLUMN_WIDTH, 425)  # the plot needs the room more
            side = max(380, int(total * 0.3))
            # the formula column narrows to its minimum; plot and side panel share the rest
            self.splitter.setSizes([left, max(360, total - left - side), side])
        return index

    # -- lessons and the interface language (gui/panels/lessons/, gui/i18n.py) ------------

    def _install_lessons(self) -> None:
        """The Lessons tab, its teaching-switch banner, File > Open Lesson, View > Language."""
        panel = self.lesson_panel = LessonPanel(
            self.controller, self, open_session=self.file_actions.open_document
        )
        self.add_side_panel(panel, panel.title)
        panel.windowTitleChanged.connect(
            lambda title: self.side_tabs.setTabText(self.side_tabs.indexOf(panel), title)
        )
        panel.sigViewRequested.connect(self.show_view)
        install_switch_banner(self, panel.switches, replaces=[panel.banner])
        self.open_lesson_action = self._action(self.open_lesson, name="actionOpenLesson")
        # In the File menu's first group, after Open and Open Recent.
        file_menu = self.file_actions.file_menu
        entries = file_menu.actions()
        first_separator = next((a for a in entries if a.isSeparator()), None)
        file_menu.insertAction(first_separator, self.open_lesson_action)
        view_menu = self.menuBar().findChild(QMenu, "viewMenu")
        view_menu.addSeparator()
        view_menu.addMenu(LanguageMenu(view_menu))

    def open_lesson(self, folder: str | None = None) -> bool:
        """File > Open Lesson…: a teacher's lesson folder, shown in the Lessons tab."""
        self.side_tabs.setCurrentWidget(self.lesson_panel)
        return self.lesson_panel.open_lesson_folder(folder)

    def show_view(self, view: str) -> bool:
        """Bring ``view`` (one of ``tutor.lessons.VIEWS``) to the front; False if none."""
        widget = {
            "graph": getattr(self, "graph_panel", None),
            "plot": self.plot_panel,
            "map": getattr(self, "map_descent_panel", None),
            "gradient-check": getattr(self, "gradient_check_panel", None),
            "jacobian": getattr(self, "jacobian_panel", None),
            "formula": self.expression_bar.edit,
            "variables": self.variables_panel,
        }.get(view)
        if widget is None:
            return False
        if self.side_tabs.indexOf(widget) >= 0:
            self.side_tabs.setCurrentWidget(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- the map of f(x, y) and the optimizers (gui/panels/descent/) ----------------------

    def _install_map(self) -> None:
        """The "Map & descent" tab (the plot draws the descent trail too, from the
        controller)."""
        self.map_descent_panel = MapDescentPanel(self.controller, self)
        self.add_side_panel(self.map_descent_panel, lambda: self.tr("Map && descent"))

    # -- the recorded graph and the gradient check (gui/panels/graph/, gradient_check/) ---

    def _install_graph(self) -> None:
        """The "Graph" tab: the recorded graph, and backward step by step."""
        self.graph_panel = GraphPanel(self.controller, self)
        self.add_side_panel(self.graph_panel, lambda: self.tr("Graph"))

    def _install_gradient_check(self) -> None:
        """The "Gradient check" tab: backprop beside central differences."""
        self.gradient_check_panel = GradientCheckPanel(self.controller, self)
        self.add_side_panel(self.gradient_check_panel, lambda: self.tr("Gradient check"))

    def _install_jacobian(self) -> None:
        """The "Jacobian" tab: J of a tuple formula, VJP / JVP, both modes' cost."""
        self.jacobian_panel = JacobianPanel(self.controller, self)
        self.add_side_panel(self.jacobian_panel, lambda: self.tr("Jacobian"))

    # -- menus ----------------------------------------------------------------------------

    def _action(self, slot, shortcut=None, name: str = "", checkable=False) -> QAction:
        """A menu action; its text is set in retranslate()."""
        action = QAction(self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        std = QKeySequence.StandardKey
        bar = self.menuBar()

        # Edit: the undo stack names what it will undo ("Undo Change x to 1.50").
        self.edit_menu = edit_menu = bar.addMenu("")
        edit_menu.setObjectName("editMenu")
        stack = self.controller.undo_stack
        self.undo_action = self._action(stack.undo, QKeySequence.keyBindings(std.Undo))
        self.undo_action.setObjectName("actionUndo")
        self.redo_action = self._action(stack.redo, QKeySequence.keyBindings(std.Redo))
        self.redo_action.setObjectName("actionRedo")
        for signal in (stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(self._update_undo_texts)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.focus_expression_action = self._action(
            self.expression_bar.focus_expression,
            ["Ctrl+L", "F6"],
            "actionFocusExpression",
        )
        edit_menu.addAction(self.focus_expression_action)

        # View: which curves, and fitting the plot again.
        self.view_menu = view_menu = bar.addMenu("")
        view_menu.setObjectName("viewMenu")
        self.curve_actions: dict[str, QAction] = {}
        for key in CURVES:
            action = self._action(
                lambda checked, k=key: self._on_curve_action_toggled(k, checked),
                name=f"actionShow_{key}",
                checkable=True,
            )
            self.curve_actions[key] = action
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.fit_action = self._action(self.plot_panel.fit_view, "Ctrl+0", "actionFitPlot")
        view_menu.addAction(self.fit_action)
        self.controller.sigCurvesChanged.connect(self._on_controller_curves_changed)
        self._on_controller_curves_changed(self.controller.session.curves)

        self.help_menu = help_menu = bar.addMenu("")
        help_menu.setObjectName("helpMenu")
        self.about_action = self._action(self.about, name="actionAbout")
        help_menu.addAction(self.about_action)

    def _update_undo_texts(self) -> None:
        """Edit > Undo names what it will undo: "Undo Change x to 1.50"."""
        stack = self.controller.undo_stack
        undo, redo = stack.undoText(), stack.redoText()
        self.undo_action.setText(
            self.tr("&Undo {what}").format(what=undo) if undo else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {what}").format(what=redo) if redo else self.tr("&Redo")
        )

    def _on_curve_action_toggled(self, key: str, checked: bool) -> None:
        curves = [
            k
            for k in CURVES
            if (k == key and checked) or (k != key and k in self.controller.session.curves)
        ]
        self.controller.set_curves(curves)

    def _on_controller_curves_changed(self, curves: list[str]) -> None:
        for key, action in self.curve_actions.items():
            if action.isChecked() != (key in curves):
                action.blockSignals(True)
                action.setChecked(key in curves)
                action.blockSignals(False)

    # -- the document's name in the title ------------------------------------------------

    def display_name(self) -> str:
        return os.path.basename(self.file_path) if self.file_path else self.tr("untitled")

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] — {APP_NAME}")
        self.setWindowModified(not self.controller.undo_stack.isClean())

    def set_file_path(self, path: str | None) -> None:
        self.file_path = path
        self._update_title()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Autodiff Tutor"),
            self.tr(
                "<h3>Autodiff Tutor</h3>"
                "<p>Build a formula, move its variables, and watch the value, every "
                "partial derivative and the plot of f, f′ and f″ follow.</p>"
                "<p>The numbers come from a small reverse-mode automatic differentiation "
                "engine in the style of <i>Deep Learning from Scratch 3</i> (DeZero).</p>"
            ),
        )
