#include "filestamp.h"

#include <QCryptographicHash>
#include <QFile>

namespace spheres {

FileStamp FileStamp::of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    FileStamp stamp;
    stamp.m_exists = true;
    stamp.m_hash = hash.result();
    return stamp;
}

FileStamp FileStamp::ofBytes(const QByteArray &bytes)
{
    FileStamp stamp;
    stamp.m_exists = true;
    stamp.m_hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    return stamp;
}

} // namespace spheres
