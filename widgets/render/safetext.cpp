#include "safetext.h"

#include <QImage>
#include <QUrl>
#include <QVariant>

namespace spheres {

namespace {

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

} // namespace

QString SafeText::html(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(u'\'', QLatin1String("&#39;"));
    return out;
}

QString SafeText::xml(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            if (isXmlChar(QChar::surrogateToUcs4(c, text.at(i + 1))))
                out.append(c).append(text.at(i + 1));
            ++i;
        } else if (!c.isSurrogate() && isXmlChar(c.unicode())) {
            out.append(c);
        }
    }
    return out;
}

QString SafeText::toolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(html(text));
}

QVariant SafeTextDocument::noResource()
{
    static const QImage pixel = [] {
        QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        return image;
    }();
    return pixel; // an image, as Qt's image handler loads the name as a file when it gets none
}

QVariant SafeTextDocument::loadResource(int, const QUrl &) { return noResource(); }

} // namespace spheres
