-- A mixed interpreter workload for the benchmarks: recursion, tables, strings, closures and
-- floating point, all deterministic.  usage: lua mix.lua [SCALE]
local scale = tonumber(arg[1]) or 1

local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end

local function sieve(n)
  local composite, count = {}, 0
  for i = 2, n do
    if not composite[i] then
      count = count + 1
      for j = i * i, n, i do composite[j] = true end
    end
  end
  return count
end

local function words(n)
  local t, seed = {}, 7
  for i = 1, n do
    seed = (seed * 1103515245 + 12345) % 2147483648
    t[#t + 1] = string.format("w%05d", seed % 50000)
  end
  table.sort(t)
  local freq = {}
  for _, w in ipairs(t) do freq[w:sub(1, 3)] = (freq[w:sub(1, 3)] or 0) + 1 end
  local keys = 0
  for _ in pairs(freq) do keys = keys + 1 end
  return keys, t[1], t[#t]
end

local function mandel(size)
  local inside = 0
  for y = 0, size - 1 do
    for x = 0, size - 1 do
      local cr, ci = 2.5 * x / size - 2.0, 2.0 * y / size - 1.0
      local zr, zi, k = 0.0, 0.0, 0
      while k < 50 and zr * zr + zi * zi < 4.0 do
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        k = k + 1
      end
      if k == 50 then inside = inside + 1 end
    end
  end
  return inside
end

local function counters(n)
  local make = function() local c = 0 return function(d) c = c + d return c end end
  local a, b, s = make(), make(), 0
  for i = 1, n do s = s + a(i % 7) - b(i % 3) end
  return s
end

for round = 1, scale do
  print(round, fib(24), sieve(200000), mandel(120), counters(300000), words(40000))
end
