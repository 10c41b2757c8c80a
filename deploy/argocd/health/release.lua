-- Argo CD health of a Slipway Release, from its phase.
hs = {}
local phase = obj.status ~= nil and obj.status.phase or nil
local message = obj.status ~= nil and obj.status.message or nil
if phase == "Active" or phase == "Superseded" then
  hs.status = "Healthy"
elseif phase == "Failed" then
  hs.status = "Degraded"
elseif phase == "Waiting" then
  -- Numbered but not running: behind a pin (change App.spec.release), or staged (reason Staged: a Promotion runs it).
  hs.status = "Suspended"
else
  -- Not numbered yet (Pending, or no status) or rolling out (Deploying).
  hs.status = "Progressing"
end
hs.message = message or "Waiting for the Slipway operator"
return hs
