#include "mapstyle.h"

namespace spheres {

/// Paul Tol's muted, vibrant and Okabe–Ito colours, placed so that the claimants of each zone we
/// ship (six in the Spratlys) stay at least ΔE 22 apart in normal vision and all three
/// dichromacies, and so do neighbours whose zones are seen together (Ukraine, Georgia, Moldova
/// and Russia round the Black Sea); the tests keep it so.
QHash<QString, QColor> LayerStyle::standardClaimants()
{
    return {{QStringLiteral("CHN"), QColor(0x33, 0x22, 0x88)}, {QStringLiteral("TWN"), QColor(0xdd, 0xcc, 0x77)},
            {QStringLiteral("VNM"), QColor(0x88, 0x22, 0x55)}, {QStringLiteral("PHL"), QColor(0x00, 0x72, 0xb2)},
            {QStringLiteral("MYS"), QColor(0xd5, 0x5e, 0x00)}, {QStringLiteral("BRN"), QColor(0xcc, 0x79, 0xa7)},
            {QStringLiteral("JPN"), QColor(0xaa, 0x44, 0x99)}, {QStringLiteral("RUS"), QColor(0x11, 0x77, 0x33)},
            {QStringLiteral("IND"), QColor(0xcc, 0x66, 0x77)}, {QStringLiteral("PAK"), QColor(0x99, 0x99, 0x33)},
            {QStringLiteral("KOR"), QColor(0x44, 0xaa, 0x99)}, {QStringLiteral("UKR"), QColor(0x33, 0xbb, 0xee)},
            {QStringLiteral("GEO"), QColor(0xaa, 0x33, 0x77)}, {QStringLiteral("MDA"), QColor(0xcc, 0xbb, 0x44)}};
}

/// Hues no other bloc uses, each darkest for members: the CSTO wine, the EAEU blue, the CIS
/// brown, BRICS indigo, beside the SCO's bluish green, sky blue and yellow. The comparison of
/// the SCO with the Russia-led blocs: purple for both, teal for the SCO alone, orange for a
/// Russia-led bloc alone, grey for neither (ColorBrewer's PuOr and BrBG ends, apart in greyscale).
/// Categories: hues none of the map's own layers use (the SCO's green, sky blue and yellow, the
/// comparison's orange were all in the last one), apart from each other for every reader and from
/// every bloc's fills, in both styles; the tests keep it so.
QList<QColor> LayerStyle::standardCategoryPalette()
{
    QList<QColor> out;
    for (QRgb rgb : {0xff7f00u, 0xee3377u, 0xaa4499u, 0xe377c2u, 0x664400u, 0x332288u, 0x228833u, 0xb2df8au})
        out << QColor::fromRgba(rgb | 0xd9000000u); // 85 %: the land shows through a little
    return out;
}

QList<QColor> LayerStyle::standardSequentialPalette()
{
    QList<QColor> out;
    // Light to dark, each step apart in greyscale too; off viridis where it met the SCO's green
    // and BRICS indigo.
    for (QRgb rgb : {0xb6e400u, 0x80c843u, 0x30a1b4u, 0x0a839au, 0x4f566fu, 0x612567u, 0x440154u})
        out << QColor::fromRgba(rgb | 0xd9000000u);
    return out;
}

QHash<QString, QList<QColor>> LayerStyle::standardBlocPalettes()
{
    return {{QStringLiteral("csto"), {QColor(0x88, 0x22, 0x55, 0xb0), QColor(0xdd, 0x88, 0x99, 0xa0)}},
            {QStringLiteral("eaeu"), {QColor(0x44, 0x77, 0xaa, 0xb0), QColor(0x88, 0x99, 0xbb, 0xb0)}},
            {QStringLiteral("cis"),
             {QColor(0x99, 0x66, 0x33, 0xb0), QColor(0xc4, 0x8c, 0x44, 0xa0), QColor(0xd8, 0xc0, 0x8a, 0xa8)}},
            {QStringLiteral("brics"),
             {QColor(0x33, 0x22, 0x88, 0xb0), QColor(0x88, 0x66, 0xbb, 0x99), QColor(0xd8, 0xb8, 0xe8, 0xc0)}},
            {QStringLiteral("sco-russia-blocs"),
             {QColor(0x5e, 0x3c, 0x99, 0xd0), QColor(0x5a, 0xb4, 0xac, 0xd0), QColor(0xd9, 0x5f, 0x02, 0xd0),
              QColor(0xcc, 0xcc, 0xcc, 0xa0)}}};
}

/// For codes without a colour of their own: other colours of the same sets and Tol's light
/// set, none of them a listed claimant's.
QList<QColor> LayerStyle::standardClaimantFallback()
{
    return {QColor(0x88, 0xcc, 0xee), QColor(0x00, 0x9e, 0x73), QColor(0x56, 0xb4, 0xe9), QColor(0xe6, 0x9f, 0x00),
            QColor(0x44, 0xbb, 0x99), QColor(0xbb, 0xcc, 0x33), QColor(0xee, 0x88, 0x66), QColor(0x77, 0xaa, 0xdd)};
}

namespace {

/// Dark ground, light text on dark halos; the layers keep their hues (a legend means the same
/// in both), with more opaque fills and light lines where black ones would vanish.
MapStyle makeDark()
{
    MapStyle style;
    style.isDark = true;
    style.space = QColor(0x15, 0x18, 0x1c);
    style.ocean = QColor(0x1d, 0x2b, 0x38);
    style.graticule = QColor(0x2a, 0x3d, 0x4e);
    style.land = QColor(0x3d, 0x3c, 0x38);
    style.landHover = QColor(0x4c, 0x4a, 0x44);
    style.border = QColor(0x80, 0x7a, 0x70);
    style.coast = QColor(0x63, 0x74, 0x84);
    style.selectionFill = QColor(0xe6, 0x9f, 0x00, 0x66);
    style.selectionOutline = QColor(0xf5, 0xb8, 0x4a);
    style.focusOutline = QColor(0xd0, 0x8c, 0xff);
    style.focusCasing = QColor(0x12, 0x14, 0x17, 0xc0);
    style.thematicBorder = QColor(0x15, 0x18, 0x1c, 0xc0);
    style.groupOutline = QColor(0x7f, 0xc4, 0xf0); // Okabe–Ito sky blue: reads on the dark land
    style.label = QColor(0xea, 0xe7, 0xe1);
    style.labelHalo = QColor(0x12, 0x14, 0x17, 0xd8);
    style.credit = QColor(0x9f, 0xa9, 0xb2);
    style.legendBackground = QColor(0x22, 0x25, 0x2a, 0xe6);
    style.legendFrame = QColor(0xff, 0xff, 0xff, 0x40);
    style.annotationBox = QColor(0x1e, 0x21, 0x25, 0xee);
    style.annotationText = QColor(0xee, 0xec, 0xe8);
    style.annotationCasing = QColor(0x12, 0x14, 0x17, 0xdc);
    LayerStyle &l = style.layers;
    // Over dark land the fills grow lighter member → observer → partner, apart in greyscale too.
    l.member = QColor(0x00, 0x9e, 0x73, 0x99);
    l.observer = QColor(0x56, 0xb4, 0xe9, 0xb8);
    l.partner = QColor(0xf0, 0xe4, 0x42, 0xbf);
    l.oil = QColor(0xd8, 0xd8, 0xd8);
    l.statusSample = QColor(0xa8, 0xa8, 0xa8);
    l.lineHalo = QColor(0x12, 0x14, 0x17, 0xc8);
    l.claimLine = QColor(0xd8, 0x7c, 0xb4);
    l.zoneWash = QColor(0xff, 0xff, 0xff, 0x30); // lighter ground: the darkest claimants' stripes still show
    l.claimHalo = QColor(0xc8, 0xc8, 0xc8, 0xa8);
    l.outlineCasing = l.claimHalo;
    // The blocs keep their hues, lighter and more opaque so that they stand off the dark land.
    l.blocPalettes = {
        {QStringLiteral("csto"), {QColor(0xcc, 0x55, 0x88, 0xc0), QColor(0xee, 0xaa, 0xbb, 0xb0)}},
        {QStringLiteral("eaeu"), {QColor(0x55, 0x88, 0xcc, 0xc0), QColor(0x99, 0xaa, 0xcc, 0xb0)}},
        {QStringLiteral("cis"), {QColor(0xaa, 0x77, 0x33, 0xd0), QColor(0xdd, 0xaa, 0x55, 0xb8), QColor(0xee, 0xdd, 0xaa, 0xa0)}},
        {QStringLiteral("brics"), {QColor(0x77, 0x66, 0xcc, 0xc8), QColor(0xaa, 0x99, 0xdd, 0xb0), QColor(0xdd, 0xc8, 0xee, 0xc0)}},
        {QStringLiteral("sco-russia-blocs"),
         {QColor(0x88, 0x66, 0xcc, 0xd0), QColor(0x5a, 0xb4, 0xac, 0xd0), QColor(0xf0, 0x80, 0x30, 0xd0),
          QColor(0xb0, 0xb0, 0xb0, 0x90)}}};
    l.genericFill = QColor(0x00, 0x9e, 0x73, 0x60);
    l.genericOutline = QColor(0x3c, 0xc4, 0x9a);
    l.genericLine = QColor(0xa9, 0xb8, 0xcc);
    return style;
}

} // namespace

QColor LayerStyle::claimant(const QString &iso3) const
{
    if (const auto it = claimants.constFind(iso3); it != claimants.constEnd())
        return *it;
    if (claimantFallback.isEmpty())
        return claimLine;
    size_t sum = 0; // not qHash: its seed changes from run to run, and a map's colours must not
    for (const QChar c : iso3)
        sum = sum * 31 + c.unicode();
    return claimantFallback[qsizetype(sum % size_t(claimantFallback.size()))];
}

const MapStyle &MapStyle::standard()
{
    static const MapStyle style;
    return style;
}

const MapStyle &MapStyle::dark()
{
    static const MapStyle style = makeDark();
    return style;
}

bool MapStyle::isDarkPalette(const QPalette &palette) { return palette.color(QPalette::Window).lightness() < 128; }

const MapStyle &MapStyle::forPalette(const QPalette &palette) { return isDarkPalette(palette) ? dark() : standard(); }

QPen mapPen(const QColor &colour, double width)
{
    QPen p(colour, width);
    p.setJoinStyle(Qt::RoundJoin);
    p.setCapStyle(Qt::RoundCap);
    p.setCosmetic(true);
    return p;
}

} // namespace spheres
