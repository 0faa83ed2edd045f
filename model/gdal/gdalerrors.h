#pragma once
// Internal to the model's GDAL readers: GDAL's headers stay out of every other target.

#include <cpl_error.h>

#include <QString>

#include <utility>

namespace spheres {

/// GDAL's messages can quote whole lines of a broken file.
constexpr qsizetype kMaxGdalMessage = 300;

/// Catches GDAL's errors on this thread while it lives, instead of GDAL printing them to stderr.
class GdalErrors
{
public:
    GdalErrors()
    {
        CPLErrorReset();
        CPLPushErrorHandlerEx(&GdalErrors::handle, this);
    }
    ~GdalErrors() { CPLPopErrorHandler(); }
    GdalErrors(const GdalErrors &) = delete;
    GdalErrors &operator=(const GdalErrors &) = delete;

    bool failed() const { return !m_failure.isEmpty(); }
    /// The first failure since the last call, as text to quote; empty when there was none.
    QString take()
    {
        QString message = std::exchange(m_failure, QString());
        if (message.size() > kMaxGdalMessage)
            message = message.left(kMaxGdalMessage) + QStringLiteral("…");
        return message;
    }

private:
    static void CPL_STDCALL handle(CPLErr type, CPLErrorNum, const char *message)
    {
        auto *self = static_cast<GdalErrors *>(CPLGetErrorHandlerUserData());
        if (self && type >= CE_Failure && self->m_failure.isEmpty())
            self->m_failure = QString::fromUtf8(message).simplified();
    }
    QString m_failure;
};

} // namespace spheres
