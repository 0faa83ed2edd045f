#include "jsonlimits.h"

#include <QCoreApplication>
#include <QFile>

#include <QCoreApplication>

namespace spheres {

std::optional<QString> JsonLimits::check(const QByteArray &data, int maxDepth, qint64 maxBytes)
{
    if (data.size() > maxBytes) {
        if (maxBytes % (1024 * 1024) == 0)
            return QCoreApplication::translate("JsonLimits", "the file is larger than %1 MiB")
                .arg(maxBytes / (1024 * 1024));
        return QCoreApplication::translate("JsonLimits", "the file is larger than %1 bytes").arg(maxBytes);
    }
    int depth = 0;
    bool inString = false;
    const char *const bytes = data.constData();
    const qsizetype size = data.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = bytes[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > maxDepth) {
                return QCoreApplication::translate("JsonLimits",
                                                   "arrays and objects are nested more than %1 deep (at byte %2)")
                    .arg(maxDepth)
                    .arg(i);
            }
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return std::nullopt;
}

std::optional<QByteArray> JsonLimits::readFile(const QString &path, qint64 maxBytes, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > maxBytes) {
        error = QStringLiteral("%1: %2").arg(
            path, QCoreApplication::translate("JsonLimits", "the file is larger than %1 MiB").arg(maxBytes / (1024 * 1024)));
        return std::nullopt;
    }
    return file.read(maxBytes + 1);
}

} // namespace spheres
