#include "colourvision.h"

#include <QCoreApplication>

#include <array>
#include <cmath>

namespace spheres {

namespace {

using Matrix = std::array<double, 9>;

// Machado et al. (2009), severity 1.0, applied to linear RGB.
constexpr Matrix kProtanopia{0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998};
constexpr Matrix kDeuteranopia{0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881};
constexpr Matrix kTritanopia{1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.303900};
// Rec. 709 luminance, as a greyscale printer would.
constexpr Matrix kGreyscale{0.2126, 0.7152, 0.0722, 0.2126, 0.7152, 0.0722, 0.2126, 0.7152, 0.0722};

const Matrix *matrixFor(ColourVision::Mode mode)
{
    switch (mode) {
    case ColourVision::Mode::Protanopia: return &kProtanopia;
    case ColourVision::Mode::Deuteranopia: return &kDeuteranopia;
    case ColourVision::Mode::Tritanopia: return &kTritanopia;
    case ColourVision::Mode::Greyscale: return &kGreyscale;
    case ColourVision::Mode::Normal: break;
    }
    return nullptr;
}

double toLinear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double toSrgb(double c)
{
    c = std::clamp(c, 0.0, 1.0);
    return c <= 0.0031308 ? c * 12.92 : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}

/// sRGB 8-bit → simulated sRGB 8-bit, for all 256³ inputs through a per-channel table.
struct Lut
{
    std::array<double, 256> linear{};
    Lut()
    {
        for (int i = 0; i < 256; ++i)
            linear[size_t(i)] = toLinear(i / 255.0);
    }
};

QRgb apply(QRgb rgb, const Matrix &m, const Lut &lut)
{
    const double r = lut.linear[size_t(qRed(rgb))], g = lut.linear[size_t(qGreen(rgb))], b = lut.linear[size_t(qBlue(rgb))];
    auto channel = [&](int row) {
        return int(std::lround(255.0 * toSrgb(m[size_t(row * 3)] * r + m[size_t(row * 3 + 1)] * g + m[size_t(row * 3 + 2)] * b)));
    };
    return qRgba(channel(0), channel(1), channel(2), qAlpha(rgb));
}

std::array<double, 3> lab(const QColor &c)
{
    const double r = toLinear(c.redF()), g = toLinear(c.greenF()), b = toLinear(c.blueF());
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

} // namespace

QString ColourVision::name(Mode mode)
{
    switch (mode) {
    case Mode::Protanopia: return QCoreApplication::translate("ColourVision", "Protanopia (no red cones)");
    case Mode::Deuteranopia: return QCoreApplication::translate("ColourVision", "Deuteranopia (no green cones)");
    case Mode::Tritanopia: return QCoreApplication::translate("ColourVision", "Tritanopia (no blue cones)");
    case Mode::Greyscale: return QCoreApplication::translate("ColourVision", "Greyscale print");
    case Mode::Normal: break;
    }
    return QCoreApplication::translate("ColourVision", "Normal colour vision");
}

QColor ColourVision::simulate(const QColor &colour, Mode mode)
{
    const Matrix *m = matrixFor(mode);
    if (!m)
        return colour;
    static const Lut lut;
    return QColor::fromRgba(apply(colour.rgba(), *m, lut));
}

void ColourVision::simulate(QImage &image, Mode mode)
{
    const Matrix *m = matrixFor(mode);
    if (!m)
        return;
    static const Lut lut;
    image = image.convertToFormat(QImage::Format_ARGB32);
    QHash<QRgb, QRgb> seen; // maps have few distinct colours: compute each once
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            auto it = seen.constFind(line[x]);
            if (it == seen.constEnd())
                it = seen.insert(line[x], apply(line[x], *m, lut));
            line[x] = *it;
        }
    }
}

double ColourVision::deltaE(const QColor &a, const QColor &b)
{
    const auto la = lab(a), lb = lab(b);
    return std::sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) + (la[2] - lb[2]) * (la[2] - lb[2]));
}

} // namespace spheres
