// Build tool, not installed: renders an SVG icon into the hicolor theme's PNG sizes, so that the
// PNGs always come from the one SVG source.
//   spheres_iconrender ICON.svg OUTDIR CONTEXT NAME SIZE...   → OUTDIR/SIZExSIZE/CONTEXT/NAME.png
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 6) {
        QTextStream(stderr) << "usage: spheres_iconrender ICON.svg OUTDIR CONTEXT NAME SIZE..." << Qt::endl;
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        QTextStream(stderr) << args.at(1) << ": not a valid SVG" << Qt::endl;
        return 1;
    }
    for (qsizetype i = 5; i < args.size(); ++i) {
        const int size = args.at(i).toInt();
        if (size < 1 || size > 1024) {
            QTextStream(stderr) << "bad size " << args.at(i) << Qt::endl;
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        const QString dir = QStringLiteral("%1/%2x%2/%3").arg(args.at(2)).arg(size).arg(args.at(3));
        const QString path = dir + u'/' + args.at(4) + QStringLiteral(".png");
        if (!QDir().mkpath(dir) || !image.save(path, "png", 100)) {
            QTextStream(stderr) << path << ": cannot be written" << Qt::endl;
            return 1;
        }
    }
    return 0;
}
