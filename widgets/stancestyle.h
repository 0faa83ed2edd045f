#pragma once

#include "claim.h"

#include <QColor>
#include <QString>

namespace spheres {

/// How a stance is shown in panels: a colour from the Okabe–Ito set, a light tint for
/// backgrounds, and always a word and a symbol, so that colour is never the only cue.
struct StanceStyle
{
    static QColor colour(Stance stance);
    static QColor tint(Stance stance);
    static QString label(Stance stance);  ///< "Cooperation"
    static QString symbol(Stance stance); ///< "+", "×", "·"
};

} // namespace spheres
