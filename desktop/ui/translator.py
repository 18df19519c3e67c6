"""Qt's side of translation: a QTranslator that asks the same catalog as the Qt-free core."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from desktop import i18n


class CatalogTranslator(QTranslator):
    """Answers tr() from desktop.i18n's catalog, so the `.ts` file is read once and never compiled."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language

    def language(self) -> str:
        return self._language

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, sourceText: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None becomes a null QString, which tells Qt "not translated here" so the English source
        # is shown; an empty string would count as a translation and blank the text.
        return i18n.catalog(self._language).get((context, sourceText)) or None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install ours (and Qt's own for standard buttons) for `language`; returns what was installed."""
    installed: list[QTranslator] = []
    if language != "en":
        qt_own = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", folder):
            app.installTranslator(qt_own)
            installed.append(qt_own)
        QLocale.setDefault(QLocale(language))
    ours = CatalogTranslator(language, app)
    app.installTranslator(ours)
    installed.append(ours)
    return installed
