// One browser test at a time: the pages share nothing, but two cores run Chromium and the API best in turn.
[assembly: DoNotParallelize]
