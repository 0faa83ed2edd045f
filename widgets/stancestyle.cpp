#include "stancestyle.h"

#include <QCoreApplication>

namespace spheres {

QColor StanceStyle::colour(Stance stance)
{
    switch (stance) {
    case Stance::Cooperation: return QColor(0x00, 0x72, 0xb2); // blue
    case Stance::Rivalry: return QColor(0xd5, 0x5e, 0x00);     // vermilion
    case Stance::Context: break;
    }
    return QColor(0x6b, 0x6b, 0x6b);
}

QColor StanceStyle::tint(Stance stance)
{
    switch (stance) {
    case Stance::Cooperation: return QColor(0xd9, 0xea, 0xf6);
    case Stance::Rivalry: return QColor(0xfa, 0xe1, 0xcf);
    case Stance::Context: break;
    }
    return QColor(0xec, 0xec, 0xec);
}

QString StanceStyle::label(Stance stance)
{
    switch (stance) {
    case Stance::Cooperation: return QCoreApplication::translate("StanceStyle", "Cooperation");
    case Stance::Rivalry: return QCoreApplication::translate("StanceStyle", "Rivalry");
    case Stance::Context: break;
    }
    return QCoreApplication::translate("StanceStyle", "Context");
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
