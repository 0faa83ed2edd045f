#pragma once

#include <QColor>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPalette>
#include <QPen>

namespace spheres {

/// Colours of the thematic layers, made for the base map they are drawn over: colour-blind safe
/// (Okabe–Ito and Paul Tol's sets) and apart in greyscale print.
struct LayerStyle
{
    QColor member{0x00, 0x9e, 0x73, 0xb0};   ///< bluish green, the darkest fill: members stand out in greyscale
    QColor observer{0x56, 0xb4, 0xe9, 0x88}; ///< sky blue: between members and partners in greyscale
    QColor partner{0xf0, 0xe4, 0x42, 0x99};  ///< yellow: dialogue partner, partner
    QColor gas{0xd5, 0x5e, 0x00};            ///< vermilion
    QColor oil{0x1a, 0x1a, 0x1a};
    QColor statusSample{0x6b, 0x6b, 0x6b};   ///< legend lines that show a status, whatever the commodity
    QColor lineHalo{0xff, 0xff, 0xff, 0xc8}; ///< under lines, so they read over any fill
    QColor highlight{0xe6, 0x9f, 0x00};      ///< casing of the selected or hovered feature
    QColor claimLine{0xa0, 0x3c, 0x78};      ///< claims and outlines that name no state
    QColor zoneWash{0xff, 0xff, 0xff, 0x73}; ///< under a zone's stripes: the choropleth recedes there
    QColor claimHalo{0xff, 0xff, 0xff, 0xc8}; ///< under claim lines
    QColor outlineCasing{Qt::transparent};   ///< under zone outlines, where dark claimants' colours need it
    QColor genericFill{0x00, 0x9e, 0x73, 0x50}; ///< a user's layer without our description
    QColor genericOutline{0x00, 0x6e, 0x50};
    QColor genericLine{0x33, 0x41, 0x55};
    QColor site{0x00, 0x72, 0xb2};            ///< blue: site symbols, apart from the vermilion and black lines
    QColor siteOutline{0xff, 0xff, 0xff};     ///< round site symbols, so they read over any fill
    /// Claimants' colours by ISO3 code, apart (also for colour-blind readers) wherever their
    /// claims meet; other codes take `claimantFallback` by a stable hash.
    QHash<QString, QColor> claimants = standardClaimants();
    QList<QColor> claimantFallback = standardClaimantFallback();
    /// Each organisation's own colours by its layer id, one per status in the order of the
    /// layer's legend (members first): a hue of its own for each bloc, so that two blocs never
    /// look alike, on the map or in the legend. A membership layer without a palette of its own
    /// (the SCO, a user's layer) takes `member`, `observer` and `partner`.
    QHash<QString, QList<QColor>> blocPalettes = standardBlocPalettes();
    /// A user's layer coloured by a field (ClassColours): categories take these hues in order,
    /// apart from each other for colour-blind readers and from the map's own layer and bloc
    /// fills; numeric classes a ramp from light to dark (after viridis, moved off the SCO's
    /// green and BRICS indigo), apart in greyscale print too. See standardCategoryPalette().
    QList<QColor> categoryPalette = standardCategoryPalette();
    QList<QColor> sequentialPalette = standardSequentialPalette();

    QColor claimant(const QString &iso3) const;
    static QHash<QString, QColor> standardClaimants();
    static QList<QColor> standardClaimantFallback();
    static QHash<QString, QList<QColor>> standardBlocPalettes();
    static QList<QColor> standardCategoryPalette();
    static QList<QColor> standardSequentialPalette();
};

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
    /// The outline of the regions of the claim in focus: violet, a hue no layer uses.
    QColor focusOutline{0x7b, 0x1f, 0xa2};
    QColor focusCasing{0xff, 0xff, 0xff, 0xd0};
    /// Borders of states a membership layer colours.
    QColor thematicBorder{0xff, 0xff, 0xff, 0xc0};
    double thematicBorderWidth = 0.9;
    QColor groupOutline{0x00, 0x5a, 0x8c}; ///< a group named as a setting: Okabe–Ito blue, darkened
    QColor label{0x3d, 0x3d, 0x3d};
    QColor labelHalo{0xff, 0xff, 0xff, 0xd8};
    QColor credit{0x55, 0x5f, 0x68};
    double borderWidth = 0.6;
    double selectionWidth = 2.5;
    double graticuleWidth = 0.5;
    double labelPointSize = 8.5; ///< in pixels at styleScale 1
    QString fontFamily = QStringLiteral("DejaVu Sans");
    QColor legendBackground{0xff, 0xff, 0xff, 0xe1};
    QColor legendFrame{0x00, 0x00, 0x00, 0x32};
    QColor annotationBox{0xff, 0xff, 0xff, 0xee};  ///< behind an annotation's text
    QColor annotationText{0x1f, 0x1f, 0x1f};
    QColor annotationCasing{0xff, 0xff, 0xff, 0xdc}; ///< under arrows and leader lines, around markers
    LayerStyle layers;
    bool isDark = false;

    /// The light map: what goes on slides and paper.
    static const MapStyle &standard();
    /// The dark map, for a dark desktop: light text on dark halos, lines that keep their contrast.
    static const MapStyle &dark();
    /// Whether a widget palette is a dark desktop's (the one rule for following it).
    static bool isDarkPalette(const QPalette &palette);
    /// dark() under a dark palette, standard() otherwise.
    static const MapStyle &forPalette(const QPalette &palette);
};

/// A pen for map paths, which are already in pixels: cosmetic (the raster engine strokes
/// cosmetic pens several times faster), with round joins and caps.
QPen mapPen(const QColor &colour, double width);

} // namespace spheres
