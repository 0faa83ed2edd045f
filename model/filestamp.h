#pragma once

#include <QByteArray>
#include <QString>

namespace spheres {

/// What a file held when Spheres last read or wrote it, so that a change by someone else (another
/// window, another program) is seen before it is overwritten. By content, not by time: two saves
/// within the same millisecond, or a copy with an old date, are told apart all the same.
class FileStamp
{
public:
    /// The file as it is now (a missing or unreadable file has a stamp of its own).
    static FileStamp of(const QString &path);
    /// The stamp of a file that holds `bytes`.
    static FileStamp ofBytes(const QByteArray &bytes);

    bool operator==(const FileStamp &other) const = default;

private:
    bool m_exists = false;
    QByteArray m_hash;
};

} // namespace spheres
