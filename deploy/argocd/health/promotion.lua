-- Argo CD health of a Slipway Promotion request, from its phase.
hs = {}
local phase = obj.status ~= nil and obj.status.phase or nil
if phase == "Succeeded" then
  hs.status = "Healthy"
elseif phase == "Failed" then
  hs.status = "Degraded"
else
  hs.status = "Progressing"
end
hs.message = obj.status ~= nil and obj.status.message or "Waiting for the Slipway operator"
return hs
