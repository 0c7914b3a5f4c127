"""The window: PySide6 and pyqtgraph views over ``tutor``, changed only through
``gui.controller.SessionController``. Panels live in ``gui/panels/``, one folder each."""
