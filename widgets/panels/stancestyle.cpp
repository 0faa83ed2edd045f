#include "stancestyle.h"

#include <QCoreApplication>

#include <cmath>

namespace spheres {

QColor StanceStyle::colour(Stance stance, bool dark)
{
    if (dark) {
        switch (stance) {
        case Stance::Cooperation: return QColor(0x56, 0xb4, 0xe9); // sky blue
        case Stance::Rivalry: return QColor(0xf0, 0x8a, 0x4b);     // light vermilion
        case Stance::Context: break;
        }
        return QColor(0xa8, 0xa8, 0xa8);
    }
    switch (stance) {
    case Stance::Cooperation: return QColor(0x00, 0x72, 0xb2); // blue
    case Stance::Rivalry: return QColor(0xd5, 0x5e, 0x00);     // vermilion
    case Stance::Context: break;
    }
    return QColor(0x6b, 0x6b, 0x6b);
}

QColor StanceStyle::tint(Stance stance, bool dark)
{
    if (dark) {
        switch (stance) {
        case Stance::Cooperation: return QColor(0x1b, 0x3a, 0x52);
        case Stance::Rivalry: return QColor(0x4d, 0x2e, 0x1b);
        case Stance::Context: break;
        }
        return QColor(0x3a, 0x3a, 0x3a);
    }
    switch (stance) {
    case Stance::Cooperation: return QColor(0xd9, 0xea, 0xf6);
    case Stance::Rivalry: return QColor(0xfa, 0xe1, 0xcf);
    case Stance::Context: break;
    }
    return QColor(0xec, 0xec, 0xec);
}

QColor StanceStyle::textOnTint(bool dark) { return dark ? QColor(0xf2, 0xf2, 0xf2) : QColor(0x1a, 0x1a, 0x1a); }

QColor StanceStyle::textOnColour(Stance stance, bool dark)
{
    // WCAG relative luminance: white reads on colours darker than about 0.18, black above.
    const QColor c = colour(stance, dark);
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const double luminance = 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    return luminance > 0.18 ? QColor(0x12, 0x12, 0x12) : QColor(Qt::white);
}

QString StanceStyle::symbol(Stance stance)
{
    switch (stance) {
    case Stance::Cooperation: return QStringLiteral("+");
    case Stance::Rivalry: return QStringLiteral("×");
    case Stance::Context: break;
    }
    return QStringLiteral("·");
}

} // namespace spheres
