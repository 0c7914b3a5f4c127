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

from PySide6.QtCore import QByteArray, QEvent, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import theme, zoom
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

DEFAULT_SIZE = QSize(1400, 860)  # the first window, on a screen large enough for it
SCREEN_SHARE = 0.9  # of the available screen, at most, for the first window
LEFT_COLUMN_WIDTH = 460
# The formula column's narrowest at zoom 1: the palette's longest key ("sigmoid") and a
# variable's row (slider, value, range and step fields) whole, in English and Korean.
LEFT_COLUMN_MINIMUM = 405
# Below this width (in device-independent pixels) the plot and the side tabs no longer
# fit side by side beside the formula column (410 + 360 + 380 px): they stack, the plot
# above the tabs. 1280×720 and 1366×768 at 100% stay side by side; 1920×1080 at 200%
# (960 px wide) stacks.
STACK_BELOW_WIDTH = 1100
GEOMETRY_KEY = "window/geometry"
SPLITTER_KEY = "window/splitters"


def fit_rect(rect: QRect, available: QRect) -> QRect:
    """``rect`` moved and shrunk until it lies inside ``available`` (a screen)."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    left = min(max(rect.left(), available.left()), available.right() - width + 1)
    top = min(max(rect.top(), available.top()), available.bottom() - height + 1)
    return QRect(left, top, width, height)


def first_size(available: QSize) -> QSize:
    """The first window: DEFAULT_SIZE, or 90% of the screen where that is smaller."""
    return QSize(
        min(DEFAULT_SIZE.width(), int(available.width() * SCREEN_SHARE)),
        min(DEFAULT_SIZE.height(), int(available.height() * SCREEN_SHARE)),
    )


class _Column(QWidget):
    """A column in a scroll area that scrolls only when it cannot shrink to the height
    shown. (A wrapped label makes a layout height-for-width, and the scroll area would
    otherwise keep the column at its preferred height — for a graph view, the size of
    its scene — not at its minimum.)"""

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.minimumSizeHint().height()


class _Page(_Column):
    """A side panel in its tab: it fills the tab and scrolls only below its minimum."""

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(panel)


class SideTabs(QTabWidget):
    """The right-hand tabs. Each panel sits in a scroll area of its own, so a panel
    larger than its tab scrolls instead of pushing the window past the screen or
    drawing over its neighbours; ``indexOf``, ``widget``, ``currentWidget`` and
    ``setCurrentWidget`` speak of the panels themselves."""

    def add_panel(self, panel: QWidget, title: str) -> int:
        scroll = QScrollArea(self)
        scroll.setObjectName(f"{panel.objectName() or 'panel'}Scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the panel's controls take focus
        scroll.setWidget(_Page(panel))
        return self.addTab(scroll, title)

    @staticmethod
    def _panel(page: QWidget | None) -> QWidget | None:
        if isinstance(page, QScrollArea) and isinstance(page.widget(), _Page):
            return page.widget().panel
        return page

    def _page(self, panel: QWidget) -> QWidget:
        for i in range(self.count()):
            page = super().widget(i)
            if page is panel or self._panel(page) is panel:
                return page
        return panel

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802 - Qt's name
        return super().indexOf(self._page(widget))

    def widget(self, index: int) -> QWidget | None:
        return self._panel(super().widget(index))

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt's name
        return self._panel(super().currentWidget())

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        super().setCurrentWidget(self._page(widget))


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
        self._tab_titles: list[tuple[QWidget, Callable[[], str], Callable[[], str]]] = []

        # -- left column: formula, buttons, value, variables ---------------------
        left = _Column(self)
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
        # A screen too short for the whole column scrolls it, instead of squeezing it.
        self.left_scroll = left_scroll = QScrollArea(self)
        left_scroll.setObjectName("leftScroll")
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left_scroll.setWidget(left)

        # -- centre: the plot; right: tabs for other panels --------------------------
        self.plot_panel = PlotPanel(self.controller, self)
        plot_frame = QFrame(self)
        plot_frame.setObjectName("plotFrame")
        plot_layout = QVBoxLayout(plot_frame)
        plot_layout.setContentsMargins(6, 10, 10, 10)
        plot_layout.addWidget(self.plot_panel)

        self.side_tabs = SideTabs(self)
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.setDocumentMode(False)
        self.side_tabs.setVisible(False)

        # The formula column | (the plot beside, or above, the side tabs).
        self.centre_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.centre_splitter.setObjectName("centreSplitter")
        self.centre_splitter.setChildrenCollapsible(False)
        self.centre_splitter.addWidget(plot_frame)
        self.centre_splitter.addWidget(self.side_tabs)
        self.centre_splitter.setStretchFactor(0, 1)
        self.centre_splitter.setStretchFactor(1, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left_scroll)
        self.splitter.addWidget(self.centre_splitter)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self._fit_column_to_zoom()
        left_scroll.setMinimumHeight(120)
        plot_frame.setMinimumSize(300, 200)
        self.splitter.setSizes([LEFT_COLUMN_WIDTH, DEFAULT_SIZE.width() - LEFT_COLUMN_WIDTH])
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
        self._install_train()
        self._install_jacobian()
        self.side_tabs.setCurrentIndex(0)
        self.statusBar().setSizeGripEnabled(True)
        self.controller.undo_stack.cleanChanged.connect(self._update_title)
        self.controller.sigDocumentReplaced.connect(self._update_title)
        self._restore_geometry()
        zoom.notifier().sigZoomChanged.connect(self._on_zoom_changed)
        self.retranslate()
        self.statusBar().showMessage(
            self.tr("Drag a slider, or click in the plot to move the point."), 15000
        )

    def retranslate(self) -> None:
        self.formula_box.setTitle(self.tr("Formula"))
        self.variables_box.setTitle(self.tr("Variables  (◉ = the plot runs along it)"))
        for widget, title, tooltip in self._tab_titles:
            index = self.side_tabs.indexOf(widget)
            self.side_tabs.setTabText(index, title())
            self.side_tabs.setTabToolTip(index, tooltip())
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
        self._retranslate_view_actions()
        self.file_actions.retranslate()
        self._update_title()

    # -- panels from other parts of the app -------------------------------------------

    def _share_width(self, total: int) -> None:
        """Split ``total`` pixels: the formula column at its narrowest, then the plot and
        the side tabs (side by side, or stacked on a narrow window). The graph needs
        ~540 px to show a small formula whole, whatever the language of its header."""
        left = self.left_scroll.minimumWidth()
        centre = max(300, total - left)
        self.splitter.setSizes([left, centre])
        self._arrange_centre(total)

    def _arrange_centre(self, total: int | None = None) -> None:
        """The plot beside the side tabs on a wide window, above them on a narrow one."""
        if self.side_tabs.isHidden():
            return
        total = self.width() if total is None else total
        stacked = total < STACK_BELOW_WIDTH
        want = Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal
        if self.centre_splitter.orientation() == want and self._centre_arranged:
            return
        self._centre_arranged = True
        self.centre_splitter.setOrientation(want)
        if stacked:
            height = max(400, self.height() - 60)
            self.centre_splitter.setSizes([int(height * 0.42), height - int(height * 0.42)])
        else:
            centre = max(660, total - self.left_scroll.minimumWidth())
            # the plot keeps ~400 px, about what its header needs (f, f′, f″, tangent,
            # Fit); the side tabs get room for every tab's title where the plot keeps 360
            bar = self.side_tabs.tabBar()
            titles = sum(bar.tabSizeHint(i).width() for i in range(bar.count())) + 6
            side = max(
                self._side_minimum(),
                min(int(total * 0.38), centre - 400),
                min(titles, centre - 360),
            )
            self.centre_splitter.setSizes([centre - side, side])

    _centre_arranged = False

    def _fit_column_to_zoom(self) -> None:
        left = self.left_scroll.widget()
        left.setMinimumWidth(round(LEFT_COLUMN_MINIMUM * zoom.factor()))
        bar = self.left_scroll.verticalScrollBar().sizeHint().width()
        self.left_scroll.setMinimumWidth(left.minimumWidth() + bar)

    def _on_zoom_changed(self, _factor: float) -> None:
        """Larger text needs wider columns: share the width again, once fonts are in."""
        self._fit_column_to_zoom()
        self._centre_arranged = False
        QTimer.singleShot(0, self, lambda: self._share_width(self.width()))

    def _side_minimum(self) -> int:
        """The side tabs' width at which the tab in front needs no horizontal scrolling."""
        panel = self.side_tabs.currentWidget()
        need = panel.minimumSizeHint().width() if panel is not None else 0
        return max(
            380,
            need
            + 2
            * self.side_tabs.style().pixelMetric(
                self.side_tabs.style().PixelMetric.PM_DefaultFrameWidth
            )
            + 4,
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        stacked = self.centre_splitter.orientation() == Qt.Orientation.Vertical
        if stacked != (self.width() < STACK_BELOW_WIDTH):
            self._centre_arranged = False
            self._arrange_centre()

    def add_side_panel(
        self,
        widget: QWidget,
        title: str | Callable[[], str],
        tooltip: str | Callable[[], str] = "",
    ) -> int:
        """Add ``widget`` as a tab on the right; the tab area shows once it has a tab.

        ``title`` is the tab's text — short: six tabs share a laptop's side column —
        and ``tooltip`` says more; each is a string or a function giving it in the
        current language (asked again whenever the language changes). A panel taller
        or wider than its tab scrolls."""
        if isinstance(title, str):
            title = (lambda text: lambda: text)(title)
        if isinstance(tooltip, str):
            tooltip = (lambda text: lambda: text)(tooltip)
        self._tab_titles.append((widget, title, tooltip))
        index = self.side_tabs.add_panel(widget, title())
        self.side_tabs.setTabToolTip(index, tooltip())
        if self.side_tabs.isHidden():
            self.side_tabs.setVisible(True)
            self._centre_arranged = False
            self._arrange_centre()
        return index

    # -- the window's size and place: fit the screen, remember the last -------------------

    def _available(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1400, 860)

    def _restore_geometry(self) -> None:
        """The last geometry and splitter sizes (clamped to this screen), else a first
        window of at most 90% of the available screen, centred on it."""
        available = self._available()
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        restored = isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)
        if restored:
            frame = fit_rect(self.geometry(), available)
            self.resize(frame.size())
            self.move(frame.topLeft())
        else:
            size = first_size(available.size())
            self.resize(size)
            centre = available.center()
            self.move(centre.x() - size.width() // 2, centre.y() - size.height() // 2)
        self._share_width(self.width())
        states = settings.value(SPLITTER_KEY)
        if restored and isinstance(states, (list, tuple)) and len(states) == 2:
            for splitter, state in zip((self.splitter, self.centre_splitter), states, strict=True):
                if isinstance(state, QByteArray):
                    splitter.restoreState(state)
            # a state saved when stacked (or side by side) follows the width of now
            self._centre_arranged = True
            stacked = self.width() < STACK_BELOW_WIDTH
            if (self.centre_splitter.orientation() == Qt.Orientation.Vertical) != stacked:
                self._centre_arranged = False
                self._arrange_centre()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._clamped_once:
            self._clamped_once = True
            # Only now is the frame known: the title bar must stay on the screen too.
            QTimer.singleShot(0, self._keep_frame_on_screen)

    _clamped_once = False

    def _keep_frame_on_screen(self) -> None:
        if self.isFullScreen() or self.isMaximized():
            return
        frame = self.frameGeometry()
        fitted = fit_rect(frame, self._available())
        if fitted != frame:
            self.resize(
                self.width() - (frame.width() - fitted.width()),
                self.height() - (frame.height() - fitted.height()),
            )
            self.move(fitted.topLeft())

    def save_geometry(self) -> None:
        """Remember the window's geometry and splitter sizes for the next launch."""
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(
            SPLITTER_KEY, [self.splitter.saveState(), self.centre_splitter.saveState()]
        )

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # File > Quit's question (gui/file_actions.py) has been answered when this runs.
        self.save_geometry()
        super().closeEvent(event)

    # -- lessons and the interface language (gui/panels/lessons/, gui/i18n.py) ------------

    def _install_lessons(self) -> None:
        """The Lessons tab, its teaching-switch banner, File > Open Lesson, View > Language."""
        panel = self.lesson_panel = LessonPanel(
            self.controller, self, open_session=self.file_actions.open_document
        )
        self.add_side_panel(
            panel,
            panel.title,
            lambda: self.tr("The book's ideas one at a time, with questions to predict"),
        )
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
            "train": getattr(self, "train_panel", None),
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
        self.add_side_panel(
            self.map_descent_panel,
            lambda: self.tr("Map"),
            lambda: self.tr("Map & descent: f over two variables, and optimizers walking it"),
        )

    # -- the recorded graph and the gradient check (gui/panels/graph/, gradient_check/) ---

    def _install_graph(self) -> None:
        """The "Graph" tab: the recorded graph, and backward step by step."""
        self.graph_panel = GraphPanel(self.controller, self)
        self.add_side_panel(
            self.graph_panel,
            lambda: self.tr("Graph"),
            lambda: self.tr("The graph the engine recorded, and backward step by step"),
        )
        self._build_step_actions()

    def _install_gradient_check(self) -> None:
        """The "Gradient check" tab: backprop beside central differences."""
        self.gradient_check_panel = GradientCheckPanel(self.controller, self)
        self.add_side_panel(
            self.gradient_check_panel,
            lambda: self.tr("Grad check"),
            lambda: self.tr("Gradient check: backprop beside central differences"),
        )

    def _install_train(self) -> None:
        """The "Train" tab: a network learning, its loss and one step's gradients."""
        from gui.panels.train.train_panel import TrainPanel

        self.train_panel = TrainPanel(self.controller, self)
        self.add_side_panel(
            self.train_panel,
            lambda: self.tr("Train"),
            lambda: self.tr("Train a small network on data, and watch its gradients"),
        )

    def _install_jacobian(self) -> None:
        """The "Jacobian" tab: J of a tuple formula, VJP / JVP, both modes' cost."""
        self.jacobian_panel = JacobianPanel(self.controller, self)
        self.add_side_panel(
            self.jacobian_panel,
            lambda: self.tr("Jacobian"),
            lambda: self.tr("The Jacobian of several outputs: one pass per row or column"),
        )

    # -- menus ----------------------------------------------------------------------------

    def _action(self, slot, shortcut=None, name: str = "", checkable=False) -> QAction:
        """A menu action; its text is set in retranslate()."""
        action = QAction(self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                sequences: list[QKeySequence] = []
                for s in shortcut:
                    for sequence in (
                        QKeySequence.keyBindings(s)
                        if isinstance(s, QKeySequence.StandardKey)
                        else [QKeySequence(s)]
                    ):
                        if not sequence.isEmpty() and sequence not in sequences:
                            sequences.append(sequence)
                action.setShortcuts(sequences)
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
        self._build_look_actions(view_menu)

        self.help_menu = help_menu = bar.addMenu("")
        help_menu.setObjectName("helpMenu")
        self.about_action = self._action(self.about, name="actionAbout")
        help_menu.addAction(self.about_action)

    def _build_look_actions(self, view_menu: QMenu) -> None:
        """View > Theme, Zoom In / Zoom Out / Actual Size, Full Screen."""
        view_menu.addSeparator()
        self.theme_menu = view_menu.addMenu("")
        self.theme_menu.setObjectName("themeMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for mode in theme.MODES:
            action = QAction(self)
            action.setObjectName(f"actionTheme_{mode}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, m=mode: theme.set_mode(m, True))
            group.addAction(action)
            self.theme_menu.addAction(action)
            self.theme_actions[mode] = action
        state = theme.state()
        if state is not None:
            state.sigThemeChanged.connect(self._on_theme_changed)
        self._on_theme_changed()

        # Ctrl+0 is Fit Plot, so Actual Size takes Ctrl+Alt+0.
        self.zoom_in_action = self._action(
            zoom.zoom_in, [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], "actionZoomIn"
        )
        self.zoom_out_action = self._action(
            zoom.zoom_out, [QKeySequence.StandardKey.ZoomOut, "Ctrl+_"], "actionZoomOut"
        )
        self.actual_size_action = self._action(zoom.actual_size, "Ctrl+Alt+0", "actionActualSize")
        self.full_screen_action = self._action(
            self.set_full_screen,
            [QKeySequence.StandardKey.FullScreen, "F11"],
            "actionFullScreen",
            checkable=True,
        )
        for action in (self.zoom_in_action, self.zoom_out_action, self.actual_size_action):
            view_menu.addAction(action)
        view_menu.addAction(self.full_screen_action)

    def _on_theme_changed(self, *_args) -> None:
        action = self.theme_actions.get(theme.current_mode())
        if action is not None and not action.isChecked():
            action.setChecked(True)

    def set_full_screen(self, on: bool) -> None:
        """View > Full Screen (F11): on a projector, every pixel for the lesson."""
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.WindowStateChange and hasattr(self, "full_screen_action"):
            full = self.isFullScreen()
            if self.full_screen_action.isChecked() != full:
                self.full_screen_action.blockSignals(True)
                self.full_screen_action.setChecked(full)
                self.full_screen_action.blockSignals(False)
        super().changeEvent(event)

    def _build_step_actions(self) -> None:
        """Backward step by step from anywhere in the window (the Graph tab comes to the
        front): the same as the graph's own buttons, with keys that no field takes."""
        panel = self.graph_panel
        self.step_menu = self.view_menu.addMenu("")
        self.step_menu.setObjectName("stepMenu")
        self.step_actions = {
            "forward": self._action(
                lambda: self._step(panel.step_forward), "F8", "actionStepForward"
            ),
            "back": self._action(lambda: self._step(panel.step_back), "Shift+F8", "actionStepBack"),
            "play": self._action(lambda: self._step(panel.toggle_play), "F9", "actionPlayPause"),
            "reset": self._action(lambda: self._step(panel.reset), "Ctrl+F8", "actionStepReset"),
            "finish": self._action(lambda: self._step(panel.finish), "Ctrl+F9", "actionStepFinish"),
        }
        for action in self.step_actions.values():
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.step_menu.addAction(action)

    def _step(self, command: Callable[[], None]) -> None:
        if self.side_tabs.currentWidget() is not self.graph_panel:
            self.side_tabs.setCurrentWidget(self.graph_panel)
        command()

    def step_shortcut_hint(self, key: str) -> str:
        """The shortcut of a step action as the user reads it ("F8"), for tooltips."""
        action = self.step_actions[key]
        return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def _retranslate_view_actions(self) -> None:
        self.theme_menu.setTitle(self.tr("&Theme"))
        names = {"system": self.tr("&System"), "light": self.tr("&Light"), "dark": self.tr("&Dark")}
        for mode, action in self.theme_actions.items():
            action.setText(names[mode])
        self.zoom_in_action.setText(self.tr("Zoom &In"))
        self.zoom_out_action.setText(self.tr("Zoom &Out"))
        self.actual_size_action.setText(self.tr("&Actual Size"))
        self.full_screen_action.setText(self.tr("F&ull Screen"))
        if hasattr(self, "step_menu"):
            self.step_menu.setTitle(self.tr("&Backward Step by Step"))
            texts = {
                "forward": self.tr("Step &Forward"),
                "back": self.tr("Step &Back"),
                "play": self.tr("&Play / Pause"),
                "reset": self.tr("&Restart"),
                "finish": self.tr("&Finish"),
            }
            for key, action in self.step_actions.items():
                action.setText(texts[key])

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
