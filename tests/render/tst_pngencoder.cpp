// PngEncoder (libpng driven directly): every QImage format Spheres may hand it comes back pixel
// for pixel, RGB when nothing shows through and RGBA when something does, at its resolution; an
// empty picture is an error, never a file.
#include "pngencoder.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>
#include <QTest>

using namespace spheres;

class TestPngEncoder : public QObject
{
    Q_OBJECT
private slots:
    void roundTrips_data();
    void roundTrips();
    void levelsAllDecode_data();
    void levelsAllDecode();
    void emptyPictureIsAnError();
};

namespace {

/// A small picture with flat areas, anti-aliased edges and, when `seeThrough`, pixels of every
/// opacity: what a map, a chart or a legend swatch looks like to the encoder.
QImage picture(QImage::Format format, bool seeThrough)
{
    QImage image(97, 61, QImage::Format_ARGB32_Premultiplied);
    image.fill(seeThrough ? QColor(Qt::transparent) : QColor(214, 230, 240));
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(76, 184, 152, seeThrough ? 160 : 255));
        p.setPen(QPen(Qt::white, 1.5));
        p.drawEllipse(QRectF(8.3, 5.1, 60.7, 40.2));
        p.fillRect(QRect(70, 30, 20, 25), QColor(240, 228, 140));
    }
    image.setDotsPerMeterX(11811); // 300 dpi
    image.setDotsPerMeterY(11811);
    return image.convertToFormat(format);
}

QImage decoded(QByteArray png)
{
    QBuffer buffer(&png);
    QImageReader reader(&buffer, "png");
    return reader.read();
}

} // namespace

void TestPngEncoder::roundTrips_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("seeThrough");
    using F = QImage::Format;
    for (const auto &[name, format] : {std::pair{"ARGB32 premultiplied", F::Format_ARGB32_Premultiplied},
                                       std::pair{"ARGB32", F::Format_ARGB32}, std::pair{"RGB32", F::Format_RGB32},
                                       std::pair{"RGB888", F::Format_RGB888}, std::pair{"RGBA8888", F::Format_RGBA8888},
                                       std::pair{"Grayscale8", F::Format_Grayscale8}, std::pair{"Indexed8", F::Format_Indexed8},
                                       std::pair{"RGB16", F::Format_RGB16}}) {
        QTest::addRow("%s, opaque", name) << int(format) << false;
        if (QImage(1, 1, format).hasAlphaChannel())
            QTest::addRow("%s, see-through", name) << int(format) << true;
    }
}

void TestPngEncoder::roundTrips()
{
    QFETCH(int, format);
    QFETCH(bool, seeThrough);
    const QImage image = picture(QImage::Format(format), seeThrough);
    QString error;
    const QByteArray png = PngEncoder::encode(image, &error);
    QVERIFY2(!png.isEmpty(), qPrintable(error));
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    const QImage back = decoded(png);
    QCOMPARE(back.size(), image.size());
    QCOMPARE(back.hasAlphaChannel(), seeThrough);
    QCOMPARE(back.convertToFormat(QImage::Format_ARGB32), image.convertToFormat(QImage::Format_ARGB32));
    QCOMPARE(back.dotsPerMeterX(), 11811);
    QCOMPARE(back.dotsPerMeterY(), 11811);
}

void TestPngEncoder::levelsAllDecode_data()
{
    QTest::addColumn<int>("level");
    for (int level : {0, 1, 6, 9})
        QTest::addRow("zlib %d", level) << level;
}

void TestPngEncoder::levelsAllDecode()
{
    QFETCH(int, level);
    const QImage image = picture(QImage::Format_ARGB32_Premultiplied, false);
    const QByteArray png = PngEncoder::encode(image, nullptr, level);
    QCOMPARE(decoded(png).convertToFormat(QImage::Format_ARGB32), image.convertToFormat(QImage::Format_ARGB32));
    // Level 0 stores; any other compresses the flat picture well below its raw size.
    if (level > 0)
        QVERIFY2(png.size() < image.width() * image.height() * 3 / 4, qPrintable(QString::number(png.size())));
}

void TestPngEncoder::emptyPictureIsAnError()
{
    QString error;
    QVERIFY(PngEncoder::encode(QImage(), &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("PNG")));
}

QTEST_MAIN(TestPngEncoder)
#include "tst_pngencoder.moc"
