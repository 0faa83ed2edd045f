#pragma once
// The built-in atlases, loaded once per test program: loading the fine one takes a while.

#include "atlas.h"

namespace spheres::test {

inline const Atlas &coarseAtlas()
{
    static const Atlas atlas = Atlas::loadBuiltIn(Atlas::Detail::Coarse).atlas;
    return atlas;
}

inline const Atlas &fineAtlas()
{
    static const Atlas atlas = Atlas::loadBuiltIn(Atlas::Detail::Fine).atlas;
    return atlas;
}

} // namespace spheres::test
