#pragma once

#include "claim.h"

#include <QColor>
#include <QString>

namespace spheres {

/// How a stance is shown in panels: a colour from the Okabe–Ito set, a tint for backgrounds,
/// and always a word and a symbol, so that colour is never the only cue. `dark`: for a dark
/// palette, where the tints are deep and the colours light, so text on them keeps its contrast.
struct StanceStyle
{
    static QColor colour(Stance stance, bool dark = false);
    static QColor tint(Stance stance, bool dark = false);
    /// Text on a tint.
    static QColor textOnTint(bool dark = false);
    /// Text on a stance's colour (a focused claim): white or near-black, whichever reads better.
    static QColor textOnColour(Stance stance, bool dark = false);
    static QString symbol(Stance stance); ///< "+", "×", "·"
};

} // namespace spheres
