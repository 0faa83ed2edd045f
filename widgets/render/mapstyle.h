#pragma once

#include <QColor>
#include <QFont>

namespace spheres {

/// Colours and sizes of the base map. Muted so that thematic layers speak; sizes are for a
/// 96-DPI screen and are multiplied by ViewState::styleScale.
struct MapStyle
{
    QColor space{0xe9, 0xec, 0xef};       ///< outside the globe
    QColor ocean{0xc6, 0xd9, 0xe7};
    QColor graticule{0xbf, 0xd1, 0xde};
    QColor land{0xf4, 0xf1, 0xea};
    QColor landHover{0xe8, 0xe2, 0xd3};
    QColor border{0x9e, 0x98, 0x8e};
    QColor coast{0x86, 0x93, 0x9e};
    QColor selectionFill{0xe6, 0x9f, 0x00, 0x59}; ///< Okabe–Ito orange, translucent
    QColor selectionOutline{0xb3, 0x5c, 0x00};
    QColor label{0x3d, 0x3d, 0x3d};
    QColor labelHalo{0xff, 0xff, 0xff, 0xd8};
    QColor credit{0x55, 0x5f, 0x68};
    double borderWidth = 0.6;
    double selectionWidth = 2.5;
    double graticuleWidth = 0.5;
    double labelPointSize = 8.5; ///< in pixels at styleScale 1
    QString fontFamily = QStringLiteral("DejaVu Sans");

    static const MapStyle &standard();
};

} // namespace spheres
