#pragma once

#include <QColor>
#include <QImage>
#include <QString>

namespace spheres {

/// Simulates how a picture looks to readers with a colour-vision deficiency (Machado, Oliveira
/// and Fernandes 2009, severity 1.0) or printed in greyscale, so a briefer can check that the
/// map still reads — and so the tests can check that the shipped palettes do.
class ColourVision
{
public:
    enum class Mode { Normal, Protanopia, Deuteranopia, Tritanopia, Greyscale };

    static QString name(Mode mode);
    static QColor simulate(const QColor &colour, Mode mode);
    static void simulate(QImage &image, Mode mode);
    /// Perceptual distance between two colours (CIE76 ΔE in L*a*b*).
    static double deltaE(const QColor &a, const QColor &b);
};

} // namespace spheres
