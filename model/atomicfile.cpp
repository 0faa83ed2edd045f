#include "atomicfile.h"

#include <QCoreApplication>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <unistd.h>
#endif

namespace spheres {

namespace {

/// Passes writes on to the file and notes a short one: QDataStream (in QPdfWriter) and
/// QTextStream stop writing after one, and Qt sets no error for it, so the file alone would
/// look whole, only shorter.
class CheckedDevice : public QIODevice
{
public:
    explicit CheckedDevice(QIODevice &target) : m_target(target) { open(QIODevice::WriteOnly | QIODevice::Unbuffered); }
    bool failed() const { return m_failed; }
    bool seek(qint64 pos) override { return QIODevice::seek(pos) && m_target.seek(pos); }
    qint64 size() const override { return m_target.size(); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override
    {
        const qint64 written = m_failed ? -1 : m_target.write(data, length);
        m_failed = m_failed || written != length;
        return written;
    }

private:
    QIODevice &m_target;
    bool m_failed = false;
};

} // namespace

QString AtomicFile::save(const QString &path, const Writer &writer)
{
    AtomicFile file(path);
    QString error = file.open();
    if (error.isEmpty())
        error = file.write(writer);
    return error.isEmpty() ? file.commit() : error;
}

QString AtomicFile::save(const QString &path, const QByteArray &bytes)
{
    return save(path, [&bytes](QIODevice &device, QString &) { return device.write(bytes) == bytes.size(); });
}

AtomicFile::AtomicFile(const QString &path) : m_file(path) {}

AtomicFile::~AtomicFile()
{
    if (m_file.isOpen())
        m_file.cancelWriting();
}

QString AtomicFile::failed(const QString &reason)
{
    if (m_file.isOpen())
        m_file.cancelWriting();
    m_size = -1;
    return QStringLiteral("%1: %2").arg(path(), reason);
}

QString AtomicFile::open()
{
    if (!m_file.open(QIODevice::WriteOnly))
        return failed(m_file.errorString());
    return {};
}

QString AtomicFile::write(const Writer &writer)
{
    if (!m_file.isOpen() || m_size >= 0)
        return failed(tr("the file is not open for writing"));
    QString error;
    CheckedDevice device(m_file);
    const bool written = writer(device, error);
    // The device's reason ("No space left on device") says more than a writer's "device error".
    if (device.failed() || m_file.error() != QFileDevice::NoError)
        return failed(writeFailure());
    if (!written)
        return failed(error.isEmpty() ? tr("the content could not be written") : error);
    return finish();
}

QString AtomicFile::write(const QByteArray &bytes)
{
    if (const QString error = write([&bytes](QIODevice &device, QString &) { return device.write(bytes) == bytes.size(); });
        !error.isEmpty())
        return error;
    return m_size == bytes.size() ? QString() : failed(tr("only %1 of %2 bytes were written").arg(m_size).arg(bytes.size()));
}

QString AtomicFile::writeFailure()
{
    if (m_file.error() == QFileDevice::ResourceError) // ENOSPC, EDQUOT: Qt's text names it
        return m_file.errorString();
#ifdef Q_OS_UNIX
    // A short write leaves no errno behind ("Unknown error"): one more byte at the end tells why.
    m_file.flush();
    if (::lseek(m_file.handle(), 0, SEEK_END) >= 0 && ::write(m_file.handle(), "", 1) < 0)
        return qt_error_string(errno);
#endif
    return m_file.error() != QFileDevice::NoError ? m_file.errorString() : tr("the disk took only part of the data");
}

QString AtomicFile::finish()
{
    if (!m_file.flush() || m_file.error() != QFileDevice::NoError)
        return failed(writeFailure());
    // What the disk holds, not what Qt buffered: a short write shows here.
    const qint64 onDisk = m_file.size();
    if (onDisk < m_file.pos())
        return failed(tr("only %1 of %2 bytes were written").arg(onDisk).arg(m_file.pos()));
#ifdef Q_OS_UNIX
    // Some file systems report a full disk only here. EINVAL: this kind of file cannot be synced.
    if (::fsync(m_file.handle()) != 0 && errno != EINVAL && errno != ENOTSUP)
        return failed(qt_error_string(errno));
#endif
    m_size = onDisk;
    return {};
}

QString AtomicFile::commit()
{
    if (m_size < 0)
        return failed(tr("the file was not written"));
    if (!m_file.commit())
        return QStringLiteral("%1: %2").arg(path(), m_file.errorString());
    const qint64 renamed = QFileInfo(path()).size();
    if (renamed != m_size)
        return QStringLiteral("%1: %2").arg(path(), tr("%1 bytes were written, but the file has %2").arg(m_size).arg(renamed));
    return {};
}

} // namespace spheres
