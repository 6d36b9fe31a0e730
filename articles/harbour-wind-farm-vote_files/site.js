/* The Kelmouth Courier - site.min.js (saved copy) */
(function(){
  "use strict";
  document.documentElement.className = document.documentElement.className.replace("no-js", "js");
  function hideBanner(choice){
    try { localStorage.setItem("kc_cookie_consent", choice); } catch (e) {}
    var b = document.getElementById("cookie-banner");
    if (b) { b.className += " hidden"; }
  }
  document.addEventListener("DOMContentLoaded", function(){
    var consent = null;
    try { consent = localStorage.getItem("kc_cookie_consent"); } catch (e) {}
    if (consent) { hideBanner(consent); }
    var a = document.querySelector(".cookie-accept"), r = document.querySelector(".cookie-reject");
    if (a) { a.addEventListener("click", function(){ hideBanner("all"); }); }
    if (r) { r.addEventListener("click", function(){ hideBanner("essential"); }); }
    Array.prototype.forEach.call(document.querySelectorAll(".share-bar a[target=_blank]"), function(link){
      link.addEventListener("click", function(ev){
        ev.preventDefault();
        window.open(link.href, "share", "width=600,height=480");
      });
    });
  });
})();
