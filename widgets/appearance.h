#pragma once

#include <QCoreApplication>
#include <QPalette>

class QMenu;
class QWidget;

namespace spheres {

/// The window's colours: the desktop's, or light or dark whatever the desktop says (a briefer
/// in a dark room, or on a desktop without a dark setting). Applied to the whole application,
/// whose panels and map follow their palette, and remembered between sessions. Exports stay
/// light: they are paper and slides.
class Appearance
{
    Q_DECLARE_TR_FUNCTIONS(Appearance)

public:
    enum class Mode { System, Light, Dark };

    static QString name(Mode mode);
    /// Gives the application `mode`'s palette and remembers the choice.
    static void apply(Mode mode);
    /// The remembered choice (System when none or an unknown one was saved).
    static Mode saved();
    /// A "Appearance" menu whose checked item is the current choice; choosing applies it.
    static QMenu *menu(QWidget *parent);
    /// Dark greys with light text and a blue accent: text and controls at WCAG AA contrast.
    static QPalette darkPalette();
};

} // namespace spheres
