#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QSaveFile>
#include <QString>

#include <functional>

namespace spheres {

/// Every file Spheres writes goes through here: into a temporary file beside it, then renamed
/// over it, so that either the whole new file is there or the old one is untouched. Before the
/// rename the data is flushed, its error checked, its size verified and synced to the disk:
/// Qt 6.4's QSaveFile::commit() does not check its own last flush, so a file smaller than its
/// 16 KiB buffer on a full disk would become an empty file reported as written. Errors name the
/// file and the reason: "/home/me/brief.json: No space left on device".
class AtomicFile
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)

public:
    /// Writes the content into `device`; false (with `error`, or the device's own) on failure.
    using Writer = std::function<bool(QIODevice &device, QString &error)>;

    /// open(), write() and commit() in one; returns an error, or empty.
    static QString save(const QString &path, const Writer &writer);
    static QString save(const QString &path, const QByteArray &bytes);

    explicit AtomicFile(const QString &path);
    /// Without commit() the temporary file is removed and the old file stays.
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    QString path() const { return m_file.fileName(); }
    /// Creates the temporary file; returns an error, or empty.
    QString open();
    /// Writes the whole content (once), then makes sure that it is on the disk; returns an
    /// error, or empty. After an error only the destructor is left.
    QString write(const Writer &writer);
    QString write(const QByteArray &bytes);
    /// Replaces the file by the written temporary one; returns an error, or empty.
    QString commit();

private:
    QString finish();
    QString writeFailure();
    QString failed(const QString &reason);

    QSaveFile m_file;
    qint64 m_size = -1; ///< what is on the disk, once written
};

} // namespace spheres
