#include "attributestyle.h"

namespace spheres {

QString AttributeStyle::methodKey(Method method)
{
    switch (method) {
    case Method::Categories: return QStringLiteral("categories");
    case Method::Quantiles: return QStringLiteral("quantiles");
    case Method::EqualIntervals: break;
    }
    return QStringLiteral("equal-intervals");
}

std::optional<AttributeStyle::Method> AttributeStyle::methodFromKey(QStringView key)
{
    for (Method m : {Method::Categories, Method::Quantiles, Method::EqualIntervals})
        if (methodKey(m) == key)
            return m;
    return std::nullopt;
}

} // namespace spheres
